/**
 * Anonymous identity credentials (src/server/identity.ts): what verifies and what does not, also once a credential has
 * been verified before (the signer remembers verified credentials; expiry and forgery must not care).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdentitySigner } from '../../src/server/identity.js';

const SECRET = 'identity-test-secret-0123456789';
const now = Date.UTC(2026, 0, 1);

test('a credential verifies as the identity it was issued for, again and again', () => {
  const signer = new IdentitySigner(SECRET);
  const issued = signer.issue(3600, now);
  for (let i = 0; i < 3; i += 1) {
    assert.deepEqual(signer.verify(issued.credential, now + 1000), {
      userId: issued.userId,
      expiresAt: issued.expiresAt,
    });
  }
  // Another instance with the same secret, which has verified nothing yet, agrees.
  assert.equal(new IdentitySigner(SECRET).verify(issued.credential, now + 1000)?.userId, issued.userId);
});

test('a verified credential is refused once it has expired', () => {
  const signer = new IdentitySigner(SECRET);
  const { credential } = signer.issue(60, now);
  assert.ok(signer.verify(credential, now + 59_000));
  assert.equal(signer.verify(credential, now + 60_000), null);
  assert.equal(signer.verify(credential, now + 120_000), null);
});

test('a changed signature or payload is refused, also after the genuine credential verified', () => {
  const signer = new IdentitySigner(SECRET);
  const { credential } = signer.issue(3600, now);
  assert.ok(signer.verify(credential, now));
  const [prefix, payload, signature] = credential.split('.') as [string, string, string];
  const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
  assert.equal(signer.verify(`${prefix}.${payload}.${flipped}`, now), null);
  const other = new IdentitySigner(SECRET).issue(3600, now).credential.split('.')[1]!;
  assert.equal(signer.verify(`${prefix}.${other}.${signature}`, now), null);
});

test('a credential signed with another secret is refused', () => {
  const { credential } = new IdentitySigner('another-secret-0123456789abc').issue(3600, now);
  assert.equal(new IdentitySigner(SECRET).verify(credential, now), null);
});
