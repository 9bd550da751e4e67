/** The endpoint's own LiveKit token signing: the token livekit-server-sdk's AccessToken makes, and one LiveKit accepts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccessToken, TokenVerifier, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import { LiveKitTokenSigner } from '../../src/server/livekit-token.js';

const API_KEY = 'devkey';
const API_SECRET = 'a-livekit-api-secret-0123456789abcdef';

const claims = {
  identity: 'anon-abc',
  name: 'Ada',
  ttlSeconds: 60,
  attributes: { 'hashdrop.role': 'audience', 'hashdrop.call': '3' },
  video: {
    roomJoin: true,
    room: 'r0123456789abcdef01234567',
    canSubscribe: true,
    canPublish: false,
    canPublishData: true,
    canPublishSources: [TrackSource.MICROPHONE],
    canUpdateOwnMetadata: false,
  } satisfies VideoGrant,
};

function decode(token: string): { header: unknown; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: json(header!), payload: json(payload!) };
}

async function accessTokenOf(): Promise<string> {
  const token = new AccessToken(API_KEY, API_SECRET, {
    identity: claims.identity,
    name: claims.name,
    ttl: claims.ttlSeconds,
    attributes: claims.attributes,
  });
  token.addGrant({ ...claims.video, canPublishSources: [...claims.video.canPublishSources] });
  return token.toJwt();
}

test('a signed token carries the header and claims AccessToken writes, in the same order', async () => {
  const now = Date.now();
  const ours = decode(new LiveKitTokenSigner(API_KEY, API_SECRET).sign(claims, now));
  const theirs = decode(await accessTokenOf());
  assert.deepEqual(ours.header, theirs.header);
  const timeless = ({ exp: _exp, nbf: _nbf, ...rest }: Record<string, unknown>) => rest;
  assert.deepEqual(Object.keys(ours.payload), Object.keys(theirs.payload));
  assert.deepEqual(timeless(ours.payload), timeless(theirs.payload));
});

test('a signed token is good from now for its lifetime', () => {
  const now = 1_790_000_000_123;
  const { payload } = decode(new LiveKitTokenSigner(API_KEY, API_SECRET).sign(claims, now));
  assert.equal(payload.nbf, 1_790_000_000);
  assert.equal(payload.exp, 1_790_000_060);
});

test("LiveKit's verifier accepts a signed token with the API secret", async () => {
  const token = new LiveKitTokenSigner(API_KEY, API_SECRET).sign(claims);
  const verified = await new TokenVerifier(API_KEY, API_SECRET).verify(token);
  assert.equal(verified.sub, claims.identity);
  assert.equal(verified.video?.room, claims.video.room);
});

test("LiveKit's verifier refuses a token signed with another secret", async () => {
  const token = new LiveKitTokenSigner(API_KEY, `${API_SECRET}-other`).sign(claims);
  await assert.rejects(new TokenVerifier(API_KEY, API_SECRET).verify(token));
});
