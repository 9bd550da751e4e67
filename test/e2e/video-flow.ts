/**
 * Which remote videos a page really receives, measured the browser's way: inbound-rtp statistics of every peer
 * connection (recorded by rtc-probe.ts), read twice a window apart. A stream "flows" when it decoded frames in the
 * window; a stream LiveKit paused (adaptive stream: its element is not on screen) decodes none.
 * Source text, not functions: the test runner's TypeScript transform adds helpers that would not exist in the page.
 */
import type { Page } from 'playwright-core';

export interface VideoFlow {
  /** inbound-rtp video streams the page has (paused or not). */
  streams: number;
  /** Those that decoded at least one frame during the window. */
  flowing: number;
  /** Over the window, all inbound RTP (audio and video). */
  bytesPerSecond: number;
  framesPerSecond: number;
}

const FLOW_SCRIPT = `async (windowMs) => {
  const read = async () => {
    const streams = new Map();
    let bytes = 0;
    for (const connection of window.__hashdropPeerConnections ?? []) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((stat) => {
        if (stat.type !== 'inbound-rtp') return;
        bytes += stat.bytesReceived ?? 0;
        if (stat.kind === 'video') streams.set(stat.id, stat.framesDecoded ?? 0);
      });
    }
    return { streams, bytes };
  };
  const before = await read();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = await read();
  const seconds = (performance.now() - started) / 1000;
  let flowing = 0;
  let frames = 0;
  for (const [id, decoded] of after.streams) {
    const delta = decoded - (before.streams.get(id) ?? 0);
    if (delta > 0) flowing += 1;
    frames += Math.max(0, delta);
  }
  return {
    streams: after.streams.size,
    flowing,
    bytesPerSecond: Math.max(0, after.bytes - before.bytes) / seconds,
    framesPerSecond: frames / seconds,
  };
}`;

/** Measures over `windowMs` (a sampling window for a rate, not a wait for a condition). */
export function videoFlow(page: Page, windowMs = 2_000): Promise<VideoFlow> {
  return page.evaluate(`(${FLOW_SCRIPT})(${Number(windowMs)})`) as Promise<VideoFlow>;
}
