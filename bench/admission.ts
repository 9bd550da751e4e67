/**
 * Admission latency: from the host's click on Admit to the guest's <hashdrop-room> reporting `in-room` (connected to
 * LiveKit with its token) and showing the host's video, over N admissions in one waiting-room room on the real
 * livekit-server. Each admission is broken into steps so the slowest is named:
 *   decision written   the host's admit request answered (the store has the decision)
 *   long-poll answered the guest's pending GET …/knocks/{id}?wait= answered with the token
 *   signal requested   the page opens the signal WebSocket (what is before it is the page's own work)
 *   signal connected   livekit-server's first answer on the signal WebSocket (the join response)
 *   media connected    the guest's first peer connection connected (ICE + DTLS)
 *   in-room            <hashdrop-room>'s status attribute says in-room
 *   first remote frame the first decoded frame of the host's video
 * After each admission, the floor: a bare livekit-client Room connecting with a token in a fresh page of the same
 * browser, to the same room (bench/pages/bare-connect.ts), measured with the same page probe: cold (its Room made at
 * once) and warm (its Room made and the server's address warmed as long before as the guest waited in the lobby).
 * All pages stamp time with performance.timeOrigin + performance.now() (same machine clock).
 */
import type { Browser, Page } from 'playwright-core';
import { bundle, launchChromium } from '../test/e2e/harness.js';
import { ApiClient } from '../test/e2e/api-client.js';
import { installAdmissionProbe, stampsWithFirstFrame } from './admission-probe.js';
import { bareConnect, FLOOR_STEPS, since, type FloorStep } from './bare-floor.js';
import { percentile, startBenchStack } from './bench-stack.js';

/** Steps of one admission, ms after the click on Admit (null: the step was not seen within its bound). */
export const ADMISSION_STEPS = [
  'decisionWritten',
  'longPollAnswered',
  'connectCalled',
  'signalRequested',
  'signalConnected',
  'mediaConnected',
  'inRoom',
  'firstRemoteFrame',
] as const;
export type AdmissionStep = (typeof ADMISSION_STEPS)[number];

export interface StepFigures {
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface AdmissionBench {
  admissions: number;
  /** Click on Admit → in-room (the headline). */
  p50Ms: number;
  p95Ms: number;
  samples: number[];
  steps: Record<AdmissionStep, StepFigures>;
  /** The slowest step from one to the next, by p50 (e.g. "longPollAnswered → signalConnected"). */
  slowestStep: string;
  floor: Record<FloorStep, StepFigures>;
  warmFloor: Record<FloorStep, StepFigures>;
  /** Per admission, ms after the click. */
  breakdowns: Record<AdmissionStep, number | null>[];
  floorBreakdowns: Record<FloorStep, number | null>[];
  warmFloorBreakdowns: Record<FloorStep, number | null>[];
}

/**
 * How long a guest is in the lobby before the host clicks Admit: the host has to see the knock first, which takes a
 * person longer than this. The premise of the figure: what needs no token is done while the guest waits.
 */
const LOBBY_DWELL_MS = 1000;

const CLICK_PROBE = `document.addEventListener('click', () => { window.__clickAt ??= performance.timeOrigin + performance.now(); }, true);`;

async function roomPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await installAdmissionProbe(page);
  await page.addInitScript({ content: CLICK_PROBE });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('hashdrop-room')?.getAttribute('status') === 'pre-join');
  return page;
}

async function join(page: Page, name: string, status: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.waitForFunction(
    (wanted) => document.querySelector('hashdrop-room')?.getAttribute('status') === wanted,
    status,
  );
}

/** When the last resource whose URL contains `part` got its answer's first byte / its last byte (epoch ms). */
function resourceTime(page: Page, part: string, edge: 'responseStart' | 'responseEnd'): Promise<number | null> {
  return page.evaluate(
    ([wanted, which]) => {
      const entries = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes(wanted!)) as PerformanceResourceTiming[];
      const last = entries[entries.length - 1];
      return last ? performance.timeOrigin + last[which as 'responseStart' | 'responseEnd'] : null;
    },
    [part, edge],
  );
}

async function admitOne(host: Page, guest: Page, name: string): Promise<Record<AdmissionStep, number | null>> {
  // The guest stamps the moment its status attribute becomes in-room.
  await guest.evaluate(() => {
    const element = document.querySelector('hashdrop-room')!;
    new MutationObserver(() => {
      if (element.getAttribute('status') === 'in-room')
        (window as unknown as { __inRoomAt?: number }).__inRoomAt ??= performance.timeOrigin + performance.now();
    }).observe(element, { attributes: true, attributeFilter: ['status'] });
  });
  const admit = host.getByRole('button', { name: `Admit ${name}` });
  await admit.waitFor();
  await host.waitForTimeout(LOBBY_DWELL_MS);
  await host.evaluate(() => ((window as unknown as { __clickAt?: number }).__clickAt = undefined));
  await admit.click();
  // Stamped by the page itself when the click reaches it (CLICK_PROBE), not by the driver before it sends it.
  const clickedAt = await host.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
  await guest.waitForFunction(
    () => (window as unknown as { __inRoomAt?: number }).__inRoomAt !== undefined,
    undefined,
    {
      timeout: 15_000,
    },
  );
  const inRoomAt = await guest.evaluate(() => (window as unknown as { __inRoomAt: number }).__inRoomAt);
  const stamps = await stampsWithFirstFrame(guest);
  return {
    decisionWritten: since(clickedAt, await resourceTime(host, '/admit', 'responseStart')),
    longPollAnswered: since(clickedAt, await resourceTime(guest, '/knocks/', 'responseEnd')),
    connectCalled: since(clickedAt, stamps.connect),
    signalRequested: since(clickedAt, stamps.socket),
    signalConnected: since(clickedAt, stamps.signal),
    mediaConnected: since(clickedAt, stamps.media),
    inRoom: inRoomAt - clickedAt,
    firstRemoteFrame: since(clickedAt, stamps.firstFrame),
  };
}

function figures<K extends string>(keys: readonly K[], rows: Record<K, number | null>[]): Record<K, StepFigures> {
  const out = {} as Record<K, StepFigures>;
  for (const key of keys) {
    const values = rows.map((row) => row[key]).filter((value): value is number => value !== null);
    out[key] = values.length
      ? { p50Ms: percentile(values, 50), p95Ms: percentile(values, 95) }
      : { p50Ms: null, p95Ms: null };
  }
  return out;
}

/** The step that takes longest from the one before it, by the median of per-admission differences. */
function slowest(rows: Record<AdmissionStep, number | null>[]): string {
  let worst = { name: '', ms: -Infinity };
  ADMISSION_STEPS.forEach((step, index) => {
    const before = index === 0 ? null : ADMISSION_STEPS[index - 1]!;
    const gaps = rows
      .map((row) =>
        before === null ? row[step] : row[step] === null || row[before] === null ? null : row[step]! - row[before]!,
      )
      .filter((gap): gap is number => gap !== null);
    if (!gaps.length) return;
    const ms = percentile(gaps, 50);
    if (ms > worst.ms) worst = { name: `${before ?? 'click'} → ${step} (${ms.toFixed(0)} ms)`, ms };
  });
  return worst.name;
}

export async function benchAdmission(admissions = 20): Promise<AdmissionBench> {
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    const bare = await bundle('bench/pages/bare-connect.ts');
    const api = new ApiClient(`${stack.url}/api`);
    const { room, hostKey } = await api.createRoom({ name: 'Admission bench', policy: { waitingRoom: true } });
    const base = `${stack.url}/bench/pages/hashdrop.html?room=${room.code}`;
    const host = await roomPage(browser, `${base}&host=${hostKey}`);
    await join(host, 'Host', 'in-room');

    const breakdowns: Record<AdmissionStep, number | null>[] = [];
    const floorBreakdowns: Record<FloorStep, number | null>[] = [];
    const warmFloorBreakdowns: Record<FloorStep, number | null>[] = [];
    for (let i = 0; i < admissions; i++) {
      const guest = await roomPage(browser, base);
      const name = `Guest ${i + 1}`;
      await join(guest, name, 'waiting');
      breakdowns.push(await admitOne(host, guest, name));
      await guest.context().close();
      floorBreakdowns.push(await bareConnect(browser, stack, bare, room.id, `bench-floor-cold-${i}`, null));
      warmFloorBreakdowns.push(
        await bareConnect(browser, stack, bare, room.id, `bench-floor-warm-${i}`, LOBBY_DWELL_MS),
      );
    }
    const samples = breakdowns.map((row) => row.inRoom!);
    return {
      admissions,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      samples,
      steps: figures(ADMISSION_STEPS, breakdowns),
      slowestStep: slowest(breakdowns),
      floor: figures(FLOOR_STEPS, floorBreakdowns),
      warmFloor: figures(FLOOR_STEPS, warmFloorBreakdowns),
      breakdowns,
      floorBreakdowns,
      warmFloorBreakdowns,
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchAdmission(), null, 2));
}
