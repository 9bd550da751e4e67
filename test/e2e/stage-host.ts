/**
 * The host of a stage for load tests and benchmarks: joins through the endpoint (a token for the host role), connects
 * with @livekit/rtc-node and publishes a microphone carrying a quiet 440 Hz tone, so listeners have something to
 * receive. One connection, so it runs in the caller's process.
 */
import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import type { AdmittedJoin } from '../../src/contract/index.js';
import type { ApiClient } from './api-client.js';

const SAMPLE_RATE = 48_000;
/** 10 ms per frame, as WebRTC sends audio. */
const FRAME_SAMPLES = SAMPLE_RATE / 100;

export interface StageHost {
  stop(): Promise<void>;
}

export async function startStageHost(api: ApiClient, roomId: string): Promise<StageHost> {
  const joined = await api.request<AdmittedJoin>('POST', `/rooms/${roomId}/join`, { displayName: 'Host' });
  if (joined.body.role !== 'host') throw new Error(`the stage's creator joined as ${joined.body.role}`);
  const room = new Room();
  await room.connect(joined.body.serverUrl, joined.body.token, { autoSubscribe: false, dynacast: false });
  const source = new AudioSource(SAMPLE_RATE, 1);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('host-mic', source), options);
  const samples = new Int16Array(FRAME_SAMPLES);
  let phase = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < FRAME_SAMPLES; i++, phase++) {
      samples[i] = Math.round(2000 * Math.sin((2 * Math.PI * 440 * phase) / SAMPLE_RATE));
    }
    void source.captureFrame(new AudioFrame(samples, SAMPLE_RATE, 1, FRAME_SAMPLES)).catch(() => {});
  }, 10);
  return {
    async stop() {
      clearInterval(timer);
      await room.disconnect().catch(() => {});
      await source.close().catch(() => {});
    },
  };
}
