/**
 * LiveKit access tokens: the JWT livekit-server-sdk's `AccessToken` makes (HS256, the same claims in the same order),
 * signed with node:crypto and a key imported once. `AccessToken.toJwt()` goes through jose, which imports the secret
 * as a key on every call; on the join route that signing was a sixth of the endpoint's CPU per join.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { claimsToJwtPayload, type VideoGrant } from 'livekit-server-sdk';

/** The protected header jose writes for `{ alg: 'HS256' }`, encoded once. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

export interface TokenClaims {
  identity: string;
  name: string;
  attributes: Record<string, string>;
  video: VideoGrant;
  ttlSeconds: number;
}

export class LiveKitTokenSigner {
  private readonly key: KeyObject;

  constructor(
    private readonly apiKey: string,
    apiSecret: string,
  ) {
    this.key = createSecretKey(Buffer.from(apiSecret, 'utf8'));
  }

  /** A token good from `now` for `ttlSeconds`, issued by the API key, for `identity`. */
  sign(claims: TokenClaims, now = Date.now()): string {
    const seconds = Math.floor(now / 1000);
    const payload = {
      ...claimsToJwtPayload({ attributes: claims.attributes, name: claims.name, video: { ...claims.video } }),
      iss: this.apiKey,
      exp: seconds + claims.ttlSeconds,
      nbf: seconds,
      sub: claims.identity,
    };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${body}.${createHmac('sha256', this.key).update(body).digest('base64url')}`;
  }
}
