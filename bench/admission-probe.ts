/**
 * The page side of the admission benchmark: stamps, on the machine's clock (performance.timeOrigin + now()), when the
 * page hands its token to livekit-client (CONNECT_MARK), when the LiveKit signal WebSocket is opened, when it first answers (the first WebSocket message: the join response) and when the first peer
 * connection is connected, and keeps every peer connection so the first decoded remote frame can be read from
 * WebRTC's own statistics. The same probe runs in the admitted guest's page and in the bare livekit-client page, so
 * both are measured alike. Source text, not a function: Playwright serializes it into the page as it is.
 */
import type { Page } from 'playwright-core';
import { CONNECT_MARK } from '../src/core/livekit-rooms.js';

export interface PageStamps {
  /** When the page handed its token to livekit-client (our CONNECT_MARK; never in the bare page). */
  connect?: number;
  socket?: number;
  signal?: number;
  media?: number;
  firstFrame?: number;
}

const PROBE_SCRIPT = `(() => {
  const stamps = {};
  const connections = [];
  window.__stamps = stamps;
  window.__hashdropPeerConnections = connections;
  const now = () => performance.timeOrigin + performance.now();
  const OriginalSocket = window.WebSocket;
  class ProbeSocket extends OriginalSocket {
    constructor(...args) {
      super(...args);
      stamps.socket ??= now();
      this.addEventListener('message', () => { stamps.signal ??= now(); }, { once: true });
    }
  }
  window.WebSocket = ProbeSocket;
  const OriginalConnection = window.RTCPeerConnection;
  function Probe(...args) {
    const connection = new OriginalConnection(...args);
    connections.push(connection);
    connection.addEventListener('connectionstatechange', () => {
      if (connection.connectionState === 'connected') stamps.media ??= now();
    });
    return connection;
  }
  Probe.prototype = OriginalConnection.prototype;
  Object.setPrototypeOf(Probe, OriginalConnection);
  window.RTCPeerConnection = Probe;
})();`;

export async function installAdmissionProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE_SCRIPT });
}

/** Waits (bounded) for a decoded inbound video frame on any peer connection; stamps it, then returns all stamps. */
export function stampsWithFirstFrame(page: Page, timeoutMs = 10_000): Promise<PageStamps> {
  return page.evaluate(
    async ([timeout, connectMark]) => {
      const w = window as unknown as { __stamps: PageStamps; __hashdropPeerConnections: RTCPeerConnection[] };
      const deadline = performance.now() + timeout;
      while (w.__stamps.firstFrame === undefined && performance.now() < deadline) {
        for (const connection of w.__hashdropPeerConnections) {
          const report = await connection.getStats();
          let frames = 0;
          report.forEach((stat: { type: string; kind?: string; framesDecoded?: number }) => {
            if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
          });
          if (frames > 0) w.__stamps.firstFrame ??= performance.timeOrigin + performance.now();
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const connect = performance.getEntriesByName(connectMark, 'mark').pop();
      return { ...w.__stamps, ...(connect ? { connect: performance.timeOrigin + connect.startTime } : {}) };
    },
    [timeoutMs, CONNECT_MARK] as const,
  );
}
