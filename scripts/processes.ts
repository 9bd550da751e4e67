/**
 * Child processes that cannot outlive us. Each service runs under a tiny `sh` guard that waits for its stdin to close
 * and then stops the service; stdin is a pipe from this process, so the guard fires however we exit — normally, on a
 * signal, or killed outright — and a failing or interrupted test run leaves no server behind.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import getPort from 'get-port';
import pWaitFor from 'p-wait-for';

export interface GuardedProcess {
  readonly pid: number;
  /** Resolves with the exit code once the service (and its guard) have exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
  /**
   * Kills the service outright (SIGKILL, as a crash would: no goodbye to its clients), then stops the guard. Without
   * `user` only: under runuser the service is a grandchild and is stopped the ordinary way.
   */
  kill(): Promise<void>;
  /**
   * Sends `signal` to the service itself (not its guard), as an orchestrator would, and returns its pid — the guard
   * keeps running until `stop()`. Without `user` only, as `kill()`. Null when the service is already gone.
   */
  signal(signal: NodeJS.Signals): number | null;
}

/** Whether a process with this pid is alive (and not a zombie waiting to be reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The guard's child that is the service, not its stdin reader (`cat`). */
function serviceOf(guardPid: number): number | null {
  for (const pid of childrenOf(guardPid)) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'cat') return pid;
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

/** Pids of a process's children (the guard's: the service and its stdin reader). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none.
  }
}

const GUARD = `
"$@" & child=$!
trap 'kill -TERM $child 2>/dev/null' TERM INT HUP
cat >/dev/null
kill -TERM $child 2>/dev/null
# Give the service a bounded grace period, then make sure it is gone.
i=0; while kill -0 $child 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
kill -KILL $child 2>/dev/null
wait $child 2>/dev/null
`;

export function spawnGuarded(
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string; user?: string },
): GuardedProcess {
  const log = openSync(options.logFile, 'a');
  const argv = options.user
    ? ['runuser', '-u', options.user, '--', 'sh', '-c', GUARD, 'guard', command, ...args]
    : ['sh', '-c', GUARD, 'guard', command, ...args];
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), {
    stdio: ['pipe', log, log],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Never let the guard's pipe keep our event loop alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    pid: child.pid ?? -1,
    exited,
    async stop() {
      // Hold the event loop open until the service is really gone.
      child.ref();
      child.stdin?.end();
      await exited;
    },
    async kill() {
      if (child.pid !== undefined) {
        for (const pid of childrenOf(child.pid)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      }
      await this.stop();
    },
    signal(signal) {
      const pid = child.pid === undefined ? null : serviceOf(child.pid);
      if (pid !== null) process.kill(pid, signal);
      return pid;
    },
  };
}

/** A TCP port that was free a moment ago on 127.0.0.1 (get-port: it also never hands out one port twice at once). */
export function freePort(): Promise<number> {
  return getPort({ host: '127.0.0.1' });
}

/** Polls `probe` (p-wait-for) until it returns true, `failed` settles, or `timeoutMs` passes. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    failed,
  }: { timeoutMs?: number; intervalMs?: number; failed?: Promise<unknown> } = {},
): Promise<void> {
  let gaveUp = false;
  void failed?.then(() => (gaveUp = true));
  // The deadline is checked here rather than given to p-wait-for as `timeout`: with one, its sleep adds an abort
  // listener per round to one signal and never removes it (a MaxListenersExceededWarning on long waits).
  const deadline = Date.now() + timeoutMs;
  await pWaitFor(
    async () => {
      if (gaveUp) throw new Error(`${what} exited before it was ready`);
      if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs} ms`);
      try {
        return await probe();
      } catch {
        return false; // Not ready yet.
      }
    },
    { interval: intervalMs },
  );
}
