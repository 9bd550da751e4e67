import { expect } from '@open-wc/testing';
import { generateRoomCode, normalizeRoomCode, parseRoomReference, isRoomCode } from '../../src/contract/room-code.js';

describe('room codes in the browser', () => {
  it('generates canonical ADJECTIVE-NOUN codes with the Web Crypto API', () => {
    for (let i = 0; i < 50; i++) expect(isRoomCode(generateRoomCode())).to.equal(true);
  });
  it('normalizes typed codes case-insensitively and rejects non-codes', () => {
    expect(normalizeRoomCode('  stellar phoenix ')).to.equal('STELLAR-PHOENIX');
    expect(normalizeRoomCode('Stellar_Phoenix')).to.equal('STELLAR-PHOENIX');
    expect(normalizeRoomCode('stellar')).to.equal(null);
    expect(normalizeRoomCode('a-b')).to.equal(null);
  });
  it('reads a code out of a pasted invite link', () => {
    expect(parseRoomReference('https://example.com/r/stellar-phoenix')).to.equal('STELLAR-PHOENIX');
    expect(parseRoomReference('https://example.com/meet?room=Stellar-Phoenix&x=1')).to.equal('STELLAR-PHOENIX');
    expect(parseRoomReference('https://example.com/')).to.equal(null);
  });
});
