/**
 * An audio-only town hall: one host publishing a microphone and N listeners, each joined through the endpoint (its own
 * identity, `POST …/join`, an @livekit/rtc-node connection; test/e2e/listener-process.ts), then held for a window.
 * Reports the join rate, and CPU and memory of the endpoint's process (this one; it also runs the host's single
 * connection) and of livekit-server, over the joins and over the hold. The listener crowd runs in a process of its own,
 * not counted in either.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dispose } from '@livekit/rtc-node';
import { findLiveKitBinary } from '../scripts/livekit.js';
import { startStack } from '../scripts/stack.js';
import { ApiClient } from '../test/e2e/api-client.js';
import { startListeners } from '../test/e2e/listeners.js';
import { startStageHost } from '../test/e2e/stage-host.js';
import { processCpuUs } from './endpoint.js';

export interface ProcessLoad {
  /** Mean CPU over the phase, % of one core. */
  joinCpuPercent: number;
  holdCpuPercent: number;
  /** Resident memory at the end of the hold, MB. */
  rssMb: number;
}

export interface AudioStageBench {
  listeners: number;
  joinSeconds: number;
  joinsPerSecond: number;
  holdSeconds: number;
  disconnects: number;
  endpoint: ProcessLoad;
  livekit: ProcessLoad | null;
}

/** Our own descendants (the guard shells and what they run), read from /proc. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** The livekit-server this process started: a descendant running the binary scripts/livekit.ts uses. */
function livekitPid(): number | null {
  const binary = realpathSync(findLiveKitBinary());
  for (const pid of descendants(process.pid)) {
    try {
      if (realpathSync(`/proc/${pid}/exe`) === binary) return pid;
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return null;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Math.round(Number(line[1]) / 1024) : 0;
}

const ownCpuUs = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

export async function benchAudioStage(options: { listeners?: number; holdMs?: number } = {}): Promise<AudioStageBench> {
  const count = options.listeners ?? 150;
  const holdMs = options.holdMs ?? 60_000;
  const stack = await startStack({ site: 'none', handlerOptions: { rateLimit: false } });
  const lkPid = livekitPid();
  const lkCpu = () => (lkPid ? (processCpuUs(lkPid) ?? 0) : 0);
  try {
    const api = new ApiClient(`${stack.url}/api`);
    const { room } = await api.createRoom({
      name: 'Town hall bench',
      policy: { waitingRoom: false, stageMode: true, audioOnly: true, maxParticipants: 4, maxAudience: count },
    });
    const host = await startStageHost(api, room.id);
    try {
      const t0 = performance.now();
      const [own0, lk0] = [ownCpuUs(), lkCpu()];
      const listeners = await startListeners({ endpoint: `${stack.url}/api`, room: room.id, count, subscribers: 3 });
      const joinMs = performance.now() - t0;
      const [own1, lk1] = [ownCpuUs(), lkCpu()];
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      const [own2, lk2] = [ownCpuUs(), lkCpu()];
      const percent = (us: number, ms: number) => Number(((us / 1000 / ms) * 100).toFixed(1));
      const result: AudioStageBench = {
        listeners: count,
        joinSeconds: Number((joinMs / 1000).toFixed(1)),
        joinsPerSecond: Number((count / (joinMs / 1000)).toFixed(1)),
        holdSeconds: holdMs / 1000,
        disconnects: listeners.disconnected.length,
        endpoint: {
          joinCpuPercent: percent(own1 - own0, joinMs),
          holdCpuPercent: percent(own2 - own1, holdMs),
          rssMb: rssMb(process.pid),
        },
        livekit: lkPid
          ? {
              joinCpuPercent: percent(lk1 - lk0, joinMs),
              holdCpuPercent: percent(lk2 - lk1, holdMs),
              rssMb: rssMb(lkPid),
            }
          : null,
      };
      await listeners.stop();
      return result;
    } finally {
      await host.stop();
    }
  } finally {
    await stack.close();
    // The host's connection was the process's only one: without this, rtc-node keeps the process alive.
    await dispose();
  }
}

/** One line per process, for the bench report. */
export function describeLoad(name: string, load: ProcessLoad): string {
  return `${name}: ${load.joinCpuPercent}% CPU while joining, ${load.holdCpuPercent}% holding, ${load.rssMb} MB RSS`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `tsx bench/audio-stage.ts [listeners] [holdMs]`
  const [listeners, holdMs] = process.argv.slice(2).map(Number);
  const result = await benchAudioStage({ listeners: listeners || undefined, holdMs: holdMs || undefined });
  console.log(JSON.stringify(result, null, 2));
}
