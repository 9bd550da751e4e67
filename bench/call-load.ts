/**
 * A 50-person call, side by side: 49 synthetic publishers (@livekit/rtc-node, 160×120 at 10 fps) in one room on the
 * real livekit-server, joined in turn by a page with <hashdrop-room> (CDN build) and by a page with LiveKit's React
 * `VideoConference` (production build), alternating rounds so both see the same machine state. Over a fixed window
 * per round each page is measured the same way:
 * - main-thread busy time per second: Chrome's own TaskDuration (and ScriptDuration) deltas, via CDP Performance;
 * - JS heap after a forced garbage collection (CDP JSHeapUsedSize);
 * - bytes received per second from inbound-rtp statistics (the page's peer connections, rtc-probe).
 * Each page joins with its camera and microphone on, at 1280×800, and settles before its window starts.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Stack } from '../scripts/stack.js';
import { launchChromium } from '../test/e2e/harness.js';
import { installRtcProbe } from '../test/e2e/rtc-probe.js';
import { ApiClient } from '../test/e2e/api-client.js';
import { startCrowdProcess, type CrowdProcess } from '../test/e2e/crowd.js';
import { videoFlow } from '../test/e2e/video-flow.js';
import { buildPeerApp, startBenchStack } from './bench-stack.js';

const PUBLISHERS = 49;
/** After joining: subscriptions, adaptive-stream pauses and layout settle before the window opens. */
const SETTLE_MS = 8_000;

export interface CallSample {
  /** Main-thread task time per second of wall time (ms/s; 1000 = a core fully busy). */
  busyMsPerSecond: number;
  /** Of which JavaScript. */
  scriptMsPerSecond: number;
  /** JS heap in use after a forced GC, MB. */
  heapMb: number;
  /** Inbound RTP bytes per second (audio and video). */
  bytesPerSecond: number;
  /** Remote video streams decoding frames during the window, of all the page has. */
  flowingVideo: number;
  videoStreams: number;
}

export interface CallLoadBench {
  publishers: number;
  windowMs: number;
  rounds: number;
  hashdrop: CallSample;
  peer: CallSample;
  /** hashdrop / LiveKit React, from the means over rounds. */
  ratios: { cpu: number; heap: number; bytes: number };
  samples: { hashdrop: CallSample[]; peer: CallSample[] };
}

type Kind = 'hashdrop' | 'livekit-react';

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

async function joinPage(page: Page, kind: Kind, url: string): Promise<void> {
  await page.goto(url);
  if (kind === 'hashdrop') {
    await page.waitForFunction(() => document.querySelector('hashdrop-room')?.getAttribute('status') === 'pre-join');
    await page.getByLabel('Your name').fill('Bench Viewer');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('hashdrop-room')?.getAttribute('status') === 'in-room', {
      timeout: 60_000,
    });
  }
  // Both: in the call once remote video is decoding (the same probe for both apps).
  const deadline = Date.now() + 90_000;
  while ((await videoFlow(page, 1_000)).flowing === 0) {
    if (Date.now() > deadline) throw new Error(`${kind}: no remote video decoding within 90 s`);
  }
}

async function sample(browser: Browser, kind: Kind, url: string, windowMs: number): Promise<CallSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await installRtcProbe(page);
    await joinPage(page, kind, url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(SETTLE_MS);
    const before = await metrics(cdp);
    const flow = await videoFlow(page, windowMs);
    const after = await metrics(cdp);
    const seconds = after.Timestamp! - before.Timestamp!;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await metrics(cdp)).JSHeapUsedSize!;
    return {
      busyMsPerSecond: ((after.TaskDuration! - before.TaskDuration!) / seconds) * 1000,
      scriptMsPerSecond: ((after.ScriptDuration! - before.ScriptDuration!) / seconds) * 1000,
      heapMb: heap / 1024 / 1024,
      bytesPerSecond: flow.bytesPerSecond,
      flowingVideo: flow.flowing,
      videoStreams: flow.streams,
    };
  } finally {
    await context.close();
  }
}

function mean(samples: CallSample[]): CallSample {
  const keys = Object.keys(samples[0]!) as (keyof CallSample)[];
  return Object.fromEntries(
    keys.map((key) => [key, samples.reduce((sum, s) => sum + s[key], 0) / samples.length]),
  ) as unknown as CallSample;
}

export async function benchCallLoad(options: { rounds?: number; windowMs?: number } = {}): Promise<CallLoadBench> {
  const rounds = options.rounds ?? 2;
  const windowMs = options.windowMs ?? 20_000;
  await buildPeerApp();
  const stack: Stack = await startBenchStack();
  const browser = await launchChromium();
  let crowd: CrowdProcess | null = null;
  try {
    const api = new ApiClient(`${stack.url}/api`);
    // Room for the crowd, the measured page, and the previous page still leaving.
    const { room } = await api.createRoom({ name: 'Call bench', policy: { waitingRoom: false, maxParticipants: 64 } });
    crowd = await startCrowdProcess({
      serverUrl: stack.livekit.url,
      apiKey: stack.livekit.apiKey,
      apiSecret: stack.livekit.apiSecret,
      room: room.id,
      count: PUBLISHERS,
    });
    const urls: Record<Kind, string> = {
      hashdrop: `${stack.url}/bench/pages/hashdrop.html?room=${room.code}`,
      // The same LiveKit room (our rooms are named by id), straight into VideoConference.
      'livekit-react': `${stack.url}/bench/livekit-react/dist/index.html?token=/bench/token&room=${room.id}&name=Bench%20Viewer`,
    };
    const samples: Record<Kind, CallSample[]> = { hashdrop: [], 'livekit-react': [] };
    for (let round = 0; round < rounds; round++) {
      const order: Kind[] = round % 2 === 0 ? ['hashdrop', 'livekit-react'] : ['livekit-react', 'hashdrop'];
      for (const kind of order) samples[kind].push(await sample(browser, kind, urls[kind], windowMs));
    }
    const hashdrop = mean(samples.hashdrop);
    const peer = mean(samples['livekit-react']);
    return {
      publishers: PUBLISHERS,
      windowMs,
      rounds,
      hashdrop,
      peer,
      ratios: {
        cpu: hashdrop.busyMsPerSecond / peer.busyMsPerSecond,
        heap: hashdrop.heapMb / peer.heapMb,
        bytes: hashdrop.bytesPerSecond / peer.bytesPerSecond,
      },
      samples: { hashdrop: samples.hashdrop, peer: samples['livekit-react'] },
    };
  } finally {
    await browser.close();
    await crowd?.stop();
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchCallLoad();
  console.log(JSON.stringify(result, null, 2));
}
