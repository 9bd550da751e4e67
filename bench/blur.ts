/**
 * What background blur costs: the CPU time of the whole Chromium (every process: renderer, GPU, utility) per second of
 * camera video, on the pre-join screen of the CDN build with the camera on (the fake camera: 30 frames a second), first
 * as it is, then with blur. The difference is the processing: segmentation (MediaPipe's WASM on WebGL, which a machine
 * without a GPU runs on the CPU) and composing the frame. Also the frame rate of the preview with blur, which shows
 * whether the processing keeps up. Figures, never asserted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/harness.js';
import { ApiClient } from '../test/e2e/api-client.js';
import { startBenchStack } from './bench-stack.js';
import { processCpuUs } from './endpoint.js';

export interface BlurBench {
  seconds: number;
  /** Chromium's CPU seconds per second of video, camera as it is. */
  plainCpuPerSecond: number;
  /** The same with blur on. */
  blurCpuPerSecond: number;
  /** Frames a second the preview showed, as it is and blurred. */
  plainFps: number;
  blurFps: number;
}

/** Every process descended from `root` (Chromium's browser process and its children). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** CPU µs of every Chromium this process started (its children's trees). */
function chromiumCpuUs(): number {
  return descendants(process.pid).reduce((sum, pid) => sum + (processCpuUs(pid) ?? 0), 0);
}

/** CPU seconds per second and preview frames per second over `seconds`. */
async function measure(page: Page, seconds: number): Promise<{ cpuPerSecond: number; fps: number }> {
  const before = chromiumCpuUs();
  const started = Date.now();
  // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const prejoin = document.querySelector('hashdrop-room').shadowRoot.querySelector('hashdrop-prejoin');
    const video = prejoin.shadowRoot.querySelector('video');
    const end = performance.now() + ${seconds * 1000};
    let count = 0;
    const next = () => {
      count++;
      if (performance.now() < end) video.requestVideoFrameCallback(next);
      else resolve(count);
    };
    video.requestVideoFrameCallback(next);
  })`)) as number;
  const elapsed = (Date.now() - started) / 1000;
  return { cpuPerSecond: (chromiumCpuUs() - before) / 1e6 / elapsed, fps: frames / elapsed };
}

export async function benchBlur(seconds = 10): Promise<BlurBench> {
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    const api = new ApiClient(`${stack.url}/api`);
    const { room } = await api.createRoom({ name: 'Blur bench' });
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(`${stack.url}/bench/pages/hashdrop.html?room=${room.code}`);
    await page.waitForFunction(() => {
      const prejoin = document.querySelector('hashdrop-room')?.shadowRoot?.querySelector('hashdrop-prejoin');
      return (prejoin?.shadowRoot?.querySelector('video')?.videoWidth ?? 0) > 0;
    });
    // Settle first: the page has just loaded and the camera just started.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const plain = await measure(page, seconds);
    await page.evaluate(() =>
      (
        document.querySelector('hashdrop-room') as unknown as { session: { setBackground(c: string): Promise<void> } }
      ).session.setBackground('blur'),
    );
    // The processing's files load and its first frames warm the WASM up; then measure it running.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const blur = await measure(page, seconds);
    return {
      seconds,
      plainCpuPerSecond: plain.cpuPerSecond,
      blurCpuPerSecond: blur.cpuPerSecond,
      plainFps: plain.fps,
      blurFps: blur.fps,
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}
