/**
 * The floor beside the join and admission benchmarks: livekit-client alone (bench/pages/bare-connect.ts) in a fresh
 * page of the same browser, connecting to the same LiveKit room with a token that has a participant's grants, and
 * publishing nothing. Cold, it makes its Room at `connect()`; warm, it made the Room and warmed the server's address
 * `dwellMs` before, as long as the app it stands beside had on pre-join or in the lobby. The page's probe
 * (bench/admission-probe.ts) stamps each step, so the floor and the apps are measured alike.
 */
import type { Browser } from 'playwright-core';
import { AccessToken } from 'livekit-server-sdk';
import type { Stack } from '../scripts/stack.js';
import { installAdmissionProbe, stampsWithFirstFrame } from './admission-probe.js';

/** Steps of one bare livekit-client connect, ms after `room.connect()` was called. */
export const FLOOR_STEPS = [
  'signalRequested',
  'signalConnected',
  'mediaConnected',
  'connected',
  'firstRemoteFrame',
] as const;
export type FloorStep = (typeof FLOOR_STEPS)[number];

/** ms from `start` to `at` (epoch ms), or null when `at` was not seen. */
export const since = (start: number, at: number | null | undefined) =>
  at === undefined || at === null ? null : at - start;

/** One bare connect as `identity`: cold (`dwellMs` null) or warm; `likeAnApp`: with an app's load (see the page). */
export async function bareConnect(
  browser: Browser,
  stack: Stack,
  script: string,
  roomName: string,
  identity: string,
  dwellMs: number | null,
  likeAnApp = false,
): Promise<Record<FloorStep, number | null>> {
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, { identity });
  token.addGrant({ roomJoin: true, room: roomName, canPublish: true, canPublishData: true, canSubscribe: true });
  const jwt = await token.toJwt();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await installAdmissionProbe(page);
    await page.goto(`${stack.url}/api/info`);
    await page.addScriptTag({ content: script, type: 'module' });
    await page.waitForFunction(() => 'bare' in window);
    if (dwellMs !== null) {
      await page.evaluate(([u, a]) => window.bare.prepare(u as string, a as boolean), [stack.livekit.url, likeAnApp]);
      await page.waitForTimeout(dwellMs);
    }
    const { startedAt, connectedAt } = await page.evaluate(
      ([u, t, a]) => window.bare.connect(u as string, t as string, a as boolean),
      [stack.livekit.url, jwt, likeAnApp],
    );
    const stamps = await stampsWithFirstFrame(page);
    return {
      signalRequested: since(startedAt, stamps.socket),
      signalConnected: since(startedAt, stamps.signal),
      mediaConnected: since(startedAt, stamps.media),
      connected: connectedAt - startedAt,
      firstRemoteFrame: since(startedAt, stamps.firstFrame),
    };
  } finally {
    await context.close();
  }
}
