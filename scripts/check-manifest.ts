/**
 * Fails when the committed custom-elements.json is not what `cem analyze` makes from the sources now, so the
 * attribute/event docs (and Storybook's) can never drift from the code. Fix with `npm run analyze`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

// The analyzer resolves --outdir against the working directory, so this is a relative, git-ignored folder.
const outdir = '.cache/cem-check';
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
execFileSync('npx', ['cem', 'analyze', '--litelement', '--outdir', outdir], { stdio: 'inherit' });
// Format as `npm run analyze` does (prettier with the project's config), so only content differences count.
const options = { ...(await resolveConfig('custom-elements.json')), filepath: 'custom-elements.json' };
const fresh = await format(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'), options);
const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
const modules = (JSON.parse(fresh) as { modules: unknown[] }).modules.length;
console.log(`custom-elements.json is up to date (${modules} modules).`);
