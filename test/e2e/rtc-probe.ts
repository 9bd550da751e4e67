/**
 * A page-side probe that sees WebRTC the way the browser does, independent of our elements: it records every
 * RTCPeerConnection the page creates, so a test can read inbound-rtp statistics (frames decoded, packets received).
 * Installed with `page.addInitScript` before any page script runs.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __hashdropPeerConnections?: RTCPeerConnection[];
  }
}

/**
 * Wraps the page's RTCPeerConnection constructor. Given as source text, not a function: the test runner's TypeScript
 * transform adds helpers to functions that would not exist once Playwright serializes them into the page.
 */
const PROBE_SCRIPT = `(() => {
  const connections = [];
  window.__hashdropPeerConnections = connections;
  const Original = window.RTCPeerConnection;
  function Probe(...args) {
    const connection = new Original(...args);
    connections.push(connection);
    return connection;
  }
  Probe.prototype = Original.prototype;
  Object.setPrototypeOf(Probe, Original);
  window.RTCPeerConnection = Probe;
})();`;

export async function installRtcProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE_SCRIPT });
}

export interface InboundTotals {
  videoFramesDecoded: number;
  audioPacketsReceived: number;
  videoStreams: number;
}

/** Sums inbound-rtp statistics over every peer connection of the page. */
export function inboundTotals(page: Page): Promise<InboundTotals> {
  return page.evaluate(async () => {
    const totals = { videoFramesDecoded: 0, audioPacketsReceived: 0, videoStreams: 0 };
    for (const connection of window.__hashdropPeerConnections ?? []) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((stat: { type: string; kind?: string; framesDecoded?: number; packetsReceived?: number }) => {
        if (stat.type !== 'inbound-rtp') return;
        if (stat.kind === 'video') {
          totals.videoStreams += 1;
          totals.videoFramesDecoded += stat.framesDecoded ?? 0;
        } else if (stat.kind === 'audio') {
          totals.audioPacketsReceived += stat.packetsReceived ?? 0;
        }
      });
    }
    return totals;
  });
}
