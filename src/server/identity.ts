/**
 * Anonymous identities for pages with no login. The endpoint signs `{ sub, exp }` with HMAC-SHA256 and the browser
 * keeps the credential (localStorage) and sends it back as `Authorization: Bearer …`. A bearer header, unlike a cookie,
 * still works when the page and the endpoint are on different origins and third-party cookies are blocked.
 * This is not a LiveKit token: it grants nothing in a call, it only says "the same browser as before".
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hd1';

export interface AnonymousIdentity {
  userId: string;
  expiresAt: Date;
}

/** How many verified credentials a signer remembers (the oldest is dropped first): about 100 bytes each. */
const VERIFIED_CACHE_SIZE = 10_000;

export class IdentitySigner {
  private readonly key: Buffer;
  /**
   * Credentials this signer has verified, with what they say. Verifying is a pure function of the credential and the
   * secret, so any instance reaches the same answer; this only saves redoing the HMAC (and its parsing) on every
   * request of a caller. Expiry is still checked on every use, and only credentials that verified are kept.
   */
  private readonly verified = new Map<string, { userId: string; exp: number }>();

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('The identity secret must be at least 16 characters.');
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(ttlSeconds: number, now = Date.now()): { credential: string; userId: string; expiresAt: Date } {
    const userId = `anon-${randomBytes(12).toString('base64url')}`;
    const expiresAt = new Date(now + ttlSeconds * 1000);
    const payload = Buffer.from(JSON.stringify({ sub: userId, exp: Math.floor(expiresAt.getTime() / 1000) }));
    const body = `${PREFIX}.${payload.toString('base64url')}`;
    return { credential: `${body}.${this.sign(body)}`, userId, expiresAt };
  }

  /** The identity a credential names, or null when it is malformed, forged or expired. */
  verify(credential: string, now = Date.now()): AnonymousIdentity | null {
    const known = this.verified.get(credential) ?? this.check(credential);
    if (!known) return null;
    if (known.exp * 1000 <= now) {
      this.verified.delete(credential);
      return null;
    }
    return { userId: known.userId, expiresAt: new Date(known.exp * 1000) };
  }

  /** The claims of a genuine credential, remembered; null when it is malformed or forged (not remembered). */
  private check(credential: string): { userId: string; exp: number } | null {
    const parts = credential.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return null;
    const body = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2]!, 'base64url');
    const expected = Buffer.from(this.sign(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as {
        sub?: unknown;
        exp?: unknown;
      };
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      const known = { userId: claims.sub, exp: claims.exp };
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(credential, known);
      return known;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
