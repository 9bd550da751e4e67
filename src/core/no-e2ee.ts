/**
 * Stands in for livekit-client's `E2EEManager` in the CDN build (scripts/livekit-from-source.ts). The SDK makes one
 * only for a Room given end-to-end encryption options, and ours never are (livekit-rooms.ts, connection-check.ts): the
 * class and its key handling (≈ 2.6 KB gzip) would ride along unused. Were a Room ever to ask for encryption, this
 * says so at once instead of calling unencrypted.
 */
export class E2EEManager {
  constructor() {
    throw new Error('End-to-end encryption is not part of the HashDrop Rooms CDN build.');
  }
}
