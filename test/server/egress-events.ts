/**
 * Egress' reports as livekit-server delivers them to a webhook URL: a `WebhookEvent` (livekit_webhook.proto) with the
 * job in `egressInfo` (livekit_egress.proto) and no `room`, encoded as protobuf JSON (Go's protojson: camelCase
 * names, enum names, 64-bit integers as strings), signed with a JWT from the API key whose `sha256` claim is the
 * body's SHA-256 (base64), sent as `Authorization` without a scheme and `content-type: application/webhook+json`
 * (livekit/protocol webhook/url_notifier.go).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AccessToken,
  EgressInfo,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  RoomCompositeEgressRequest,
  S3Upload,
  StreamOutput,
  StreamProtocol,
  WebhookEvent,
} from 'livekit-server-sdk';
import type { Stack } from './harness.js';

export const S3_SECRET = 'S3-SECRET-in-the-egress-request-4711';
export const STREAM_KEY = 'live_4711_stream-key-never-shown';
export const SECONDS = 1_000_000_000n;
export const T0 = 1_800_000_000n * SECONDS;

/** The job as Egress reports it: a room composite to S3, with the request (and its credentials) included. */
export function compositeInfo(roomName: string, egressId: string, patch: Partial<EgressInfo>): EgressInfo {
  return new EgressInfo({
    egressId,
    roomId: 'RM_livekit-room-sid',
    roomName,
    status: EgressStatus.EGRESS_STARTING,
    updatedAt: T0,
    request: {
      case: 'roomComposite',
      value: new RoomCompositeEgressRequest({
        roomName,
        layout: 'speaker',
        fileOutputs: [
          new EncodedFileOutput({
            fileType: EncodedFileType.MP4,
            filepath: 'CODE/{time}.mp4',
            output: { case: 's3', value: new S3Upload({ bucket: 'calls', secret: S3_SECRET }) },
          }),
        ],
      }),
    },
    ...patch,
  });
}

export function streamInfo(roomName: string, egressId: string, patch: Partial<EgressInfo>): EgressInfo {
  return new EgressInfo({
    egressId,
    roomName,
    status: EgressStatus.EGRESS_STARTING,
    request: {
      case: 'roomComposite',
      value: new RoomCompositeEgressRequest({
        roomName,
        layout: 'grid',
        streamOutputs: [
          new StreamOutput({ protocol: StreamProtocol.RTMP, urls: [`rtmps://live.example.com/app/${STREAM_KEY}`] }),
        ],
      }),
    },
    ...patch,
  });
}

/** The body livekit-server posts: protojson of a `WebhookEvent` (field names as in livekit_webhook.proto). */
export function webhookBody(event: string, egressInfo: EgressInfo): string {
  const message = new WebhookEvent({
    egressInfo,
    id: `EV_${randomBytes(8).toString('hex')}`,
    createdAt: BigInt(Math.floor(Date.now() / 1000)),
  });
  // The SDK's WebhookEvent subclass resets `event` after the protobuf constructor has set it, so it is set here.
  message.event = event as WebhookEvent['event'];
  return message.toJsonString();
}

/** Posts `egressInfo` under `event` the way livekit-server's webhook notifier does. */
export async function deliver(
  stack: Stack,
  event: string,
  egressInfo: EgressInfo,
  base = stack.base,
): Promise<Response> {
  const body = webhookBody(event, egressInfo);
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return fetch(`${base}/livekit/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
    body,
  });
}
