/**
 * Runs Node's test runner over every `*.test.ts` below the given folders (Node 20's `--test` takes no globs), one file
 * at a time because e2e and server tests each start their own livekit-server and browsers on a 2-core machine.
 * Usage: tsx scripts/node-tests.ts test/core test/server
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

const dirs = process.argv.slice(2);
const files = dirs.flatMap(testFiles);
if (files.length === 0) {
  console.error(`No *.test.ts files under ${dirs.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  // A test that hangs fails after 4 minutes (the longest wait any test has is livekit-client giving up, about 45 s)
  // instead of stopping the whole run.
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=240000', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
