/**
 * Join time, side by side: from the click on Join to the first decoded frame of a remote participant's video, for
 * <hashdrop-room> (CDN build) and for LiveKit's React PreJoin + VideoConference (production build), on the same
 * livekit-server, alternating trials so both see the same machine state. A publisher is already in each room.
 * The first remote frame is read from WebRTC's own statistics (the same probe for both apps).
 * The floor, in the same rounds: livekit-client alone (bench/pages/bare-connect.ts) handed a token, from its
 * `connect()` call to the first remote frame in the same room. Cold, it makes its Room at once; warm, it made the Room
 * and warmed the server's address the same dwell before (as both apps may on pre-join). No app built on
 * livekit-client can join faster than the warm floor on this machine.
 */
import type { Browser, Page } from 'playwright-core';
import { AccessToken } from 'livekit-server-sdk';
import type { Stack } from '../scripts/stack.js';
import { bundle, launchChromium } from '../test/e2e/harness.js';
import { installAdmissionProbe, stampsWithFirstFrame } from './admission-probe.js';
import { bareConnect, type FloorStep } from './bare-floor.js';
import { ApiClient } from '../test/e2e/api-client.js';
import type { AdmittedJoin } from '../src/contract/index.js';
import { buildPeerApp, percentile, startBenchStack } from './bench-stack.js';

/**
 * How long each trial stays on the pre-join screen before clicking Join, for both apps: a person looks at their
 * preview and types a name for longer than this. Each app may use the time (ours loads the SDK and the call screen
 * and makes its Room then; the peer has loaded everything before it shows PreJoin), so the click measures the join,
 * not what a page left over from loading.
 */
export const PRE_JOIN_DWELL_MS = 1000;

const CLICK_PROBE = `document.addEventListener('click', () => { window.__joinClickAt ??= performance.now(); }, true);`;

/** Waits in the page until any peer connection reports a decoded inbound video frame; ms since the Join click. */
function msToFirstRemoteFrame(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = window as unknown as { __joinClickAt?: number; __hashdropPeerConnections?: RTCPeerConnection[] };
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline) {
      for (const connection of w.__hashdropPeerConnections ?? []) {
        const report = await connection.getStats();
        let frames = 0;
        report.forEach((stat: { type: string; kind?: string; framesDecoded?: number }) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
        });
        if (frames > 0) return performance.now() - w.__joinClickAt!;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no remote video frame within 30 s');
  });
}

async function publisher(browser: Browser, stack: Stack, url: string, token: string): Promise<Page> {
  const page = await browser.newPage();
  const script = await bundle('test/e2e/pages/media-smoke.ts');
  await page.goto(`${stack.url}/api/info`);
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => 'smoke' in window);
  await page.evaluate(([u, t]) => window.smoke.join(u!, t!), [url, token]);
  return page;
}

/** A floor trial's first remote frame, ms after its `connect()` (the floor's headline). */
function firstFrame(steps: Record<FloorStep, number | null>): number {
  if (steps.firstRemoteFrame === null) throw new Error('the bare connect saw no remote video frame');
  return steps.firstRemoteFrame;
}

/** A join's steps, ms after the click on Join (null: not seen); the same page probe as the admission benchmark's. */
export const JOIN_STEPS = [
  'credentialsRequested',
  'credentials',
  'connectCalled',
  'signalRequested',
  'signalConnected',
  'mediaConnected',
  'firstRemoteFrame',
] as const;
export type JoinSteps = Record<(typeof JOIN_STEPS)[number], number | null>;

async function trial(browser: Browser, url: string, kind: 'hashdrop' | 'livekit-react'): Promise<JoinSteps> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await installAdmissionProbe(page);
  await page.addInitScript({ content: CLICK_PROBE });
  await page.goto(url);
  if (kind === 'hashdrop') {
    await page.waitForFunction(() => document.querySelector('hashdrop-room')?.getAttribute('status') === 'pre-join');
    await page.getByLabel('Your name').fill('Bench User');
    await page.waitForTimeout(PRE_JOIN_DWELL_MS);
    await page.evaluate(() => ((window as unknown as { __joinClickAt?: number }).__joinClickAt = undefined));
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  } else {
    const name = page.locator('input#username');
    await name.waitFor();
    await name.fill('Bench User');
    await page.waitForTimeout(PRE_JOIN_DWELL_MS);
    await page.evaluate(() => ((window as unknown as { __joinClickAt?: number }).__joinClickAt = undefined));
    await page.getByRole('button', { name: /join room/i }).click();
  }
  const firstRemoteFrame = await msToFirstRemoteFrame(page);
  const stamps = await stampsWithFirstFrame(page);
  // The join's credentials: our endpoint's POST …/join, the peer app's token fetch.
  const { clickAt, credentialsRequestedAt, credentialsAt } = await page.evaluate(
    (wanted) => {
      const entries = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes(wanted)) as PerformanceResourceTiming[];
      const last = entries[entries.length - 1];
      return {
        clickAt: performance.timeOrigin + (window as unknown as { __joinClickAt: number }).__joinClickAt,
        credentialsRequestedAt: last ? performance.timeOrigin + last.startTime : null,
        credentialsAt: last ? performance.timeOrigin + last.responseEnd : null,
      };
    },
    kind === 'hashdrop' ? '/join' : '/bench/token',
  );
  await context.close();
  const since = (at: number | null | undefined) => (at === undefined || at === null ? null : at - clickAt);
  return {
    credentialsRequested: since(credentialsRequestedAt),
    credentials: since(credentialsAt),
    connectCalled: since(stamps.connect),
    signalRequested: since(stamps.socket),
    signalConnected: since(stamps.signal),
    mediaConnected: since(stamps.media),
    firstRemoteFrame,
  };
}

/** A join's steps counted from its credentials' arrival instead of the click (where the bare connect's start). */
function afterCredentials(row: JoinSteps): JoinSteps {
  const out = {} as JoinSteps;
  for (const step of JOIN_STEPS) {
    const at = row[step];
    out[step] = at === null || row.credentials === null ? null : at - row.credentials;
  }
  return out;
}

/** p50 of each step over the trials. */
function stepMedians(rows: JoinSteps[]): JoinSteps {
  const out = {} as JoinSteps;
  for (const step of JOIN_STEPS) {
    const values = rows.map((row) => row[step]).filter((value): value is number => value !== null);
    out[step] = values.length ? percentile(values, 50) : null;
  }
  return out;
}

/** The LiveKit room a token is for (its `video.room` claim). */
function livekitRoomOf(token: string): string {
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
    video?: { room?: string };
  };
  if (!claims.video?.room) throw new Error('the join token names no room');
  return claims.video.room;
}

export interface JoinBench {
  trials: number;
  hashdropMedianMs: number;
  peerMedianMs: number;
  ratio: number;
  /** A bare livekit-client connect → first remote frame, median, its Room made at once. */
  floorMedianMs: number;
  /** The same with the Room made and the address warmed a dwell before, median: the floor. */
  warmFloorMedianMs: number;
  hashdrop: number[];
  peer: number[];
  floor: number[];
  warmFloor: number[];
  /** Where each app's join spends its time: p50 of every step, ms after the click. */
  hashdropSteps: JoinSteps;
  peerSteps: JoinSteps;
  /** The warm floor's steps, ms after its `connect()` (its token in hand: credentials 0). */
  warmFloorSteps: JoinSteps;
  /**
   * The warm floor carrying what both apps carry while joining: adaptive stream, remote video shown at once, the
   * camera and microphone open with a preview (bench/pages/bare-connect.ts).
   */
  appLikeFloorSteps: JoinSteps;
  /** Ours, ms after the credentials arrived: what our page and livekit-client do with them, beside the floor's. */
  hashdropStepsAfterCredentials: JoinSteps;
}

export async function benchJoin(trials = Number(process.env.HASHDROP_BENCH_TRIALS ?? 11)): Promise<JoinBench> {
  await buildPeerApp();
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    const api = new ApiClient(`${stack.url}/api`);
    const { room } = await api.createRoom({ name: 'Join bench', policy: { waitingRoom: false } });
    const admitted = await api.request<AdmittedJoin>('POST', `/rooms/${room.code}/join`, { displayName: 'Publisher' });
    const peerToken = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, { identity: 'publisher' });
    peerToken.addGrant({ roomJoin: true, room: 'bench-react', canPublish: true, canSubscribe: true });
    await publisher(browser, stack, admitted.body.serverUrl, admitted.body.token);
    const liveKitRoom = livekitRoomOf(admitted.body.token);
    const bare = await bundle('bench/pages/bare-connect.ts');
    await publisher(browser, stack, stack.livekit.url, await peerToken.toJwt());

    const hashdropUrl = `${stack.url}/bench/pages/hashdrop.html?room=${room.code}`;
    const peerUrl = `${stack.url}/bench/livekit-react/dist/index.html?token=/bench/token&room=bench-react`;
    // One warm-up each (Chromium's first start of fake devices and codecs), not counted.
    await trial(browser, hashdropUrl, 'hashdrop');
    await trial(browser, peerUrl, 'livekit-react');
    const hashdropRows: JoinSteps[] = [];
    const peerRows: JoinSteps[] = [];
    const floor: number[] = [];
    const warmRows: JoinSteps[] = [];
    const appLikeRows: JoinSteps[] = [];
    for (let i = 0; i < trials; i++) {
      floor.push(firstFrame(await bareConnect(browser, stack, bare, liveKitRoom, `bench-bare-cold-${i}`, null)));
      const warm = await bareConnect(browser, stack, bare, liveKitRoom, `bench-bare-warm-${i}`, PRE_JOIN_DWELL_MS);
      firstFrame(warm);
      // Its token was in hand at connect(): the steps count from there, as ours count from the credentials.
      warmRows.push({ ...warm, credentialsRequested: 0, credentials: 0, connectCalled: 0 });
      const appLike = await bareConnect(
        browser,
        stack,
        bare,
        liveKitRoom,
        `bench-bare-app-like-${i}`,
        PRE_JOIN_DWELL_MS,
        true,
      );
      firstFrame(appLike);
      appLikeRows.push({ ...appLike, credentialsRequested: 0, credentials: 0, connectCalled: 0 });
      if (i % 2 === 0) {
        hashdropRows.push(await trial(browser, hashdropUrl, 'hashdrop'));
        peerRows.push(await trial(browser, peerUrl, 'livekit-react'));
      } else {
        peerRows.push(await trial(browser, peerUrl, 'livekit-react'));
        hashdropRows.push(await trial(browser, hashdropUrl, 'hashdrop'));
      }
    }
    const warmFloor = warmRows.map((row) => row.firstRemoteFrame!);
    const hashdrop = hashdropRows.map((row) => row.firstRemoteFrame!);
    const peer = peerRows.map((row) => row.firstRemoteFrame!);
    const hashdropMedianMs = percentile(hashdrop, 50);
    const peerMedianMs = percentile(peer, 50);
    return {
      trials,
      hashdropMedianMs,
      peerMedianMs,
      ratio: hashdropMedianMs / peerMedianMs,
      floorMedianMs: percentile(floor, 50),
      warmFloorMedianMs: percentile(warmFloor, 50),
      hashdrop,
      peer,
      floor,
      warmFloor,
      hashdropSteps: stepMedians(hashdropRows),
      peerSteps: stepMedians(peerRows),
      warmFloorSteps: stepMedians(warmRows),
      appLikeFloorSteps: stepMedians(appLikeRows),
      hashdropStepsAfterCredentials: stepMedians(hashdropRows.map(afterCredentials)),
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchJoin();
  console.log(JSON.stringify(result, null, 2));
}
