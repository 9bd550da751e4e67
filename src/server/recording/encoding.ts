/**
 * The operator's composite encoding (config.ts' `CompositeEncoding`) → Egress' protobuf: a preset
 * (`EncodingOptionsPreset`) or `EncodingOptions`. Pure, so tests compare it with the SDK's request types.
 */
import { AudioCodec, EncodingOptions, EncodingOptionsPreset, VideoCodec } from 'livekit-server-sdk';
import type { CompositeEncoding } from './config.js';

const AUDIO: Record<NonNullable<CompositeEncoding['audioCodec']>, AudioCodec> = {
  aac: AudioCodec.AAC,
  opus: AudioCodec.OPUS,
};
const VIDEO: Record<NonNullable<CompositeEncoding['videoCodec']>, VideoCodec> = {
  'h264-baseline': VideoCodec.H264_BASELINE,
  'h264-main': VideoCodec.H264_MAIN,
  'h264-high': VideoCodec.H264_HIGH,
};

/** Undefined: leave it to Egress (its default is H.264 720p30 with AAC audio). */
export function compositeEncoding(
  encoding: CompositeEncoding | undefined,
): EncodingOptions | EncodingOptionsPreset | undefined {
  if (!encoding) return undefined;
  if (encoding.preset) return EncodingOptionsPreset[encoding.preset];
  // Egress fills what is left at zero from its defaults (1280×720, 30 fps, 3000 kbps video, 128 kbps audio).
  return new EncodingOptions({
    ...(encoding.audioCodec ? { audioCodec: AUDIO[encoding.audioCodec] } : {}),
    ...(encoding.videoCodec ? { videoCodec: VIDEO[encoding.videoCodec] } : {}),
    width: encoding.width ?? 0,
    height: encoding.height ?? 0,
    framerate: encoding.framerate ?? 0,
    videoBitrate: encoding.videoBitrate ?? 0,
    audioBitrate: encoding.audioBitrate ?? 0,
  });
}
