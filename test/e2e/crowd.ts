/**
 * Starts a synthetic crowd in its own process (see crowd-process.ts) and waits until every publisher is in. The
 * process stops when `stop()` closes its stdin, or when this process ends (the pipe closes with it).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CrowdOptions } from './synthetic-publishers.js';

export interface CrowdProcess {
  stop(): Promise<void>;
}

/** Joining is slow work on a busy 2-core machine (each join is a full WebRTC handshake); bounded all the same. */
const READY_WITHIN_MS = 240_000;

export async function startCrowdProcess(options: CrowdOptions): Promise<CrowdProcess> {
  const env = { ...process.env };
  // A plain process, not one of the test runner's children.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./crowd-process.ts', import.meta.url).pathname, JSON.stringify(options)],
    { stdio: ['pipe', 'pipe', 'ignore'], env },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin.end();
    await exited;
  };
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`crowd not ready within ${READY_WITHIN_MS} ms`)), READY_WITHIN_MS);
    lines.on('line', (line) => {
      if (line.startsWith('ready')) resolve();
      else if (line.startsWith('failed')) reject(new Error(`crowd: ${line}`));
      else return;
      clearTimeout(timer);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error('crowd process exited before it was ready'));
    });
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
