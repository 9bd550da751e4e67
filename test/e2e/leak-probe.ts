/**
 * What a page still holds, read the browser's way: live media tracks, open peer connections, DOM nodes, event
 * listeners, the heap after garbage collection and the livekit-client `Room` objects still reachable. For tests that
 * repeat a call in one page and prove nothing piles up.
 *
 * The page side is an init script (source text: the test runner's TypeScript transform would add helpers to functions
 * that do not exist once Playwright serializes them). It records every track getUserMedia, getDisplayMedia or a clone
 * returns and every RTCPeerConnection, keeping each only while it is live or open (so the probe itself holds nothing a
 * finished call used). Rooms are counted by the DevTools protocol (`Runtime.queryObjects`) from the prototype of the
 * page's livekit-client `Room` class, which the page names.
 */
import type { CDPSession, Page } from 'playwright-core';

declare global {
  interface Window {
    __leakProbe?: {
      tracks: MediaStreamTrack[];
      peerConnections: RTCPeerConnection[];
      live(): { tracks: string[]; peerConnections: number };
    };
  }
}

const PROBE_SCRIPT = `(() => {
  const probe = { tracks: [], peerConnections: [] };
  window.__leakProbe = probe;
  const record = (tracks) => {
    for (const track of tracks) if (!probe.tracks.includes(track)) probe.tracks.push(track);
  };
  for (const name of ['getUserMedia', 'getDisplayMedia']) {
    const original = MediaDevices.prototype[name];
    if (!original) continue;
    MediaDevices.prototype[name] = async function (...args) {
      const stream = await original.apply(this, args);
      record(stream.getTracks());
      return stream;
    };
  }
  const clone = MediaStreamTrack.prototype.clone;
  MediaStreamTrack.prototype.clone = function () {
    const copy = clone.call(this);
    record([copy]);
    return copy;
  };
  const OriginalPeerConnection = window.RTCPeerConnection;
  function ProbePeerConnection(...args) {
    const connection = new OriginalPeerConnection(...args);
    probe.peerConnections.push(connection);
    return connection;
  }
  ProbePeerConnection.prototype = OriginalPeerConnection.prototype;
  Object.setPrototypeOf(ProbePeerConnection, OriginalPeerConnection);
  window.RTCPeerConnection = ProbePeerConnection;
  probe.live = () => {
    probe.tracks = probe.tracks.filter((track) => track.readyState === 'live');
    probe.peerConnections = probe.peerConnections.filter((connection) => connection.connectionState !== 'closed');
    return {
      tracks: probe.tracks.map((track) => track.kind + ':' + track.label),
      peerConnections: probe.peerConnections.length,
    };
  };
})();`;

export async function installLeakProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE_SCRIPT });
}

export interface LiveMedia {
  /** `kind:label` of every track still live. */
  tracks: string[];
  /** Peer connections not closed. */
  peerConnections: number;
}

export function liveMedia(page: Page): Promise<LiveMedia> {
  return page.evaluate(() => window.__leakProbe!.live());
}

/**
 * Waits (bounded) for every track to end and every peer connection to close, and returns what is still there then:
 * a leave stops its tracks a moment after the status says so, but a leaked track never ends.
 */
export async function liveMediaSettled(page: Page, timeoutMs = 2_500): Promise<LiveMedia> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await liveMedia(page);
    if ((now.tracks.length === 0 && now.peerConnections === 0) || Date.now() > deadline) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface HeapCounters {
  /** V8 heap in use after garbage collection, bytes. */
  heapUsed: number;
  nodes: number;
  jsEventListeners: number;
  /** Listeners for `devicechange` on navigator.mediaDevices (livekit-client adds one per Room). */
  deviceChangeListeners: number;
  /** livekit-client `Room` objects still reachable (null when the page has no Room class to count). */
  rooms: number | null;
}

async function collectGarbage(cdp: CDPSession, page: Page): Promise<void> {
  // DevTools keeps every console message and its arguments while its Runtime domain is on (as it is for Playwright):
  // that is the test's memory, not the page's (livekit-client logs a few kilobytes per call).
  await cdp.send('Runtime.discardConsoleEntries');
  // Twice, a task apart: FinalizationRegistry callbacks (livekit-client removes a room's devicechange listener in
  // one) run in a task after the collection that found the room unreachable.
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
  await cdp.send('HeapProfiler.collectGarbage');
}

/** Instances of the class `classExpression` evaluates to in the page (after a collection: only reachable ones). */
async function countInstances(cdp: CDPSession, classExpression: string): Promise<number | null> {
  const group = 'leak-probe';
  try {
    const { result: prototype } = await cdp.send('Runtime.evaluate', {
      expression: `(${classExpression})?.prototype`,
      objectGroup: group,
    });
    if (!prototype.objectId) return null;
    const { objects } = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.objectId,
      objectGroup: group,
    });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId!,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return result.value as number;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  }
}

async function countDeviceChangeListeners(cdp: CDPSession): Promise<number> {
  const group = 'leak-probe';
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'navigator.mediaDevices', objectGroup: group });
    if (!result.objectId) return 0;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((listener) => listener.type === 'devicechange').length;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  }
}

/** Collects garbage, then reads the counters; `roomClass` is an expression for the page's livekit-client Room. */
export async function heapCounters(cdp: CDPSession, page: Page, roomClass: string): Promise<HeapCounters> {
  // Lets go of the tracks and peer connections that ended (the probe must hold nothing a finished call used).
  await liveMedia(page);
  await collectGarbage(cdp, page);
  const rooms = await countInstances(cdp, roomClass);
  const deviceChangeListeners = await countDeviceChangeListeners(cdp);
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { heapUsed: usedSize, nodes, jsEventListeners, deviceChangeListeners, rooms };
}

/**
 * The counters once no Room is reachable any more, or after `timeoutMs` if one stays: a Room is still in use while its
 * disconnect finishes, a moment after the element says "ended", but a leaked one stays for good.
 */
export async function heapCountersSettled(
  cdp: CDPSession,
  page: Page,
  roomClass: string,
  timeoutMs = 2_500,
): Promise<HeapCounters> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counters = await heapCounters(cdp, page, roomClass);
    if (!counters.rooms || Date.now() > deadline) return counters;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
