/**
 * Admission latency: from the host's click on Admit to the guest's <hashdrop-room> reporting `in-room` (connected to
 * LiveKit with its token), over N admissions in one waiting-room room on the real livekit-server. Both pages stamp
 * time with performance.timeOrigin + performance.now() (same machine clock).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/harness.js';
import { ApiClient } from '../test/e2e/api-client.js';
import { percentile, startBenchStack } from './bench-stack.js';

async function roomPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
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

export interface AdmissionBench {
  admissions: number;
  p50Ms: number;
  p95Ms: number;
  samples: number[];
}

export async function benchAdmission(admissions = 20): Promise<AdmissionBench> {
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    const api = new ApiClient(`${stack.url}/api`);
    const { room, hostKey } = await api.createRoom({ name: 'Admission bench', policy: { waitingRoom: true } });
    const base = `${stack.url}/bench/pages/hashdrop.html?room=${room.code}`;
    const host = await roomPage(browser, `${base}&host=${hostKey}`);
    await join(host, 'Host', 'in-room');

    const samples: number[] = [];
    for (let i = 0; i < admissions; i++) {
      const guest = await roomPage(browser, base);
      const name = `Guest ${i + 1}`;
      await join(guest, name, 'waiting');
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
      const clickedAt = await host.evaluate(() => performance.timeOrigin + performance.now());
      await admit.click();
      await guest.waitForFunction(
        () => (window as unknown as { __inRoomAt?: number }).__inRoomAt !== undefined,
        undefined,
        {
          timeout: 15_000,
        },
      );
      const inRoomAt = await guest.evaluate(() => (window as unknown as { __inRoomAt: number }).__inRoomAt);
      samples.push(inRoomAt - clickedAt);
      if (process.env.ADMISSION_BREAKDOWN) {
        const knockAnsweredAt = await guest.evaluate(() => {
          const polls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/knocks/'));
          const last = polls[polls.length - 1] as PerformanceResourceTiming;
          return performance.timeOrigin + last.responseEnd;
        });
        console.error(
          `admit→knock answered ${(knockAnsweredAt - clickedAt).toFixed(0)} ms, →in-room ${(inRoomAt - clickedAt).toFixed(0)} ms`,
        );
      }
      await guest.context().close();
    }
    return { admissions, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), samples };
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchAdmission(), null, 2));
}
