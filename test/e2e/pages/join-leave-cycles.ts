/**
 * The page of join-leave-cycles.test.ts: the elements, bundled with the livekit-client they load, whose `Room` class
 * the test needs to count the rooms still reachable (the same module instance as the elements', being one bundle).
 */
import { Room } from 'livekit-client';
import '../../../src/index.js';

declare global {
  interface Window {
    __liveKitRoom?: typeof Room;
  }
}

window.__liveKitRoom = Room;
