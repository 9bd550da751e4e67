/**
 * Fails when the committed custom-elements.json is not what `cem analyze` makes from the sources now, so the
 * attribute/event docs (and Storybook's) can never drift from the code. Fix with `npm run analyze`. Also fails when
 * docs/reference.md is not what `npm run reference` makes from that manifest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REFERENCE_PATH, renderReference, type Manifest } from './reference.js';

// The analyzer resolves --outdir against the working directory, so this is a relative, git-ignored folder.
const outdir = '.cache/cem-check';
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
execFileSync('npx', ['cem', 'analyze', '--litelement', '--outdir', outdir], { stdio: 'inherit' });
// Format as `npm run analyze` does (prettier with the project's config), so only content differences count.
const options = { ...(await resolveConfig('custom-elements.json')), filepath: 'custom-elements.json' };
const fresh = await format(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'), options);
const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
// The analyzer's module order is made stable in custom-elements-manifest.config.mjs (sorted by path), so the files
// compare as text.
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
const manifest = JSON.parse(fresh) as Manifest;
console.log(`custom-elements.json is up to date (${manifest.modules.length} modules).`);
const reference = existsSync(REFERENCE_PATH) ? readFileSync(REFERENCE_PATH, 'utf8') : '';
if ((await renderReference(manifest)) !== reference) {
  console.error(`${REFERENCE_PATH} is stale: run \`npm run reference\` and commit the result.`);
  process.exit(1);
}
console.log(`${REFERENCE_PATH} is up to date.`);
