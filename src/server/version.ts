/** The package version for GET /info, read once from the nearest package.json named "hashdrop". */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'hashdrop' && pkg.version) return pkg.version;
      } catch {
        // Not ours; keep walking up.
      }
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
