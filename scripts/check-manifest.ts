/**
 * Fails when the committed custom-elements.json is not what `cem analyze` makes from the sources now, so the
 * attribute/event docs (and Storybook's) can never drift from the code. Fix with `npm run analyze`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outdir = mkdtempSync(join(tmpdir(), 'hashdrop-cem-'));
execFileSync('npx', ['cem', 'analyze', '--litelement', '--outdir', outdir], { stdio: 'inherit' });
execFileSync('npx', ['prettier', '--write', join(outdir, 'custom-elements.json')], { stdio: 'ignore' });
const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
const modules = (JSON.parse(fresh) as { modules: unknown[] }).modules.length;
console.log(`custom-elements.json is up to date (${modules} modules).`);
