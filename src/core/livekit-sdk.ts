/**
 * The parts of livekit-client the call uses, and the module `loadLiveKit` imports. Named here, not taken as the whole
 * namespace (`import('livekit-client')`), so the bundler can leave out what no call of ours reaches.
 */
export { DisconnectReason, LocalAudioTrack, LocalVideoTrack, Room, RoomEvent, Track } from 'livekit-client';
