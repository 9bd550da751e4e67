import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyCaption,
  CAPTION_LINGER_MS,
  captionSpeaker,
  expireCaptions,
  MAX_CAPTION_CHARS,
  MAX_CAPTIONS,
  nextCaptionExpiry,
} from '../../src/core/captions.js';

const segment = (segmentId: string, text: string, speaker = 'grace', final = false) => ({
  segmentId,
  speaker,
  text,
  final,
});

describe('who may caption whom', () => {
  const person = { identity: 'mallory', isAgent: false };
  const agent = { identity: 'agent-1', isAgent: true };

  it('a participant captions its own speech', () => {
    assert.equal(captionSpeaker(person, undefined, null), 'mallory');
    assert.equal(captionSpeaker(person, 'TR_mic_mallory', 'mallory'), 'mallory');
  });

  it('a participant cannot put words under someone else', () => {
    assert.equal(captionSpeaker(person, 'TR_mic_grace', 'grace'), null);
  });

  it('an agent captions the owner of the track it transcribes', () => {
    assert.equal(captionSpeaker(agent, 'TR_mic_grace', 'grace'), 'grace');
  });

  it('an agent naming a track nobody publishes captions nobody', () => {
    assert.equal(captionSpeaker(agent, 'TR_gone', null), null);
  });
});

describe('captions on screen', () => {
  it('a segment grows in place and keeps its position', () => {
    let captions = applyCaption([], segment('s1', 'Hello'), 1000);
    captions = applyCaption(captions, segment('s2', 'Hi', 'ada'), 1100);
    captions = applyCaption(captions, segment('s1', 'Hello everyone', 'grace', true), 1200);
    assert.deepEqual(
      captions.map((c) => [c.segmentId, c.text, c.final]),
      [
        ['s1', 'Hello everyone', true],
        ['s2', 'Hi', false],
      ],
    );
  });

  it('the same segment id from another speaker is another caption', () => {
    const captions = applyCaption(applyCaption([], segment('s1', 'one'), 0), segment('s1', 'two', 'ada'), 1);
    assert.equal(captions.length, 2);
  });

  it(`keeps the newest ${MAX_CAPTIONS}`, () => {
    let captions = applyCaption([], segment('s0', 'zero'), 0);
    for (let i = 1; i <= MAX_CAPTIONS; i += 1) captions = applyCaption(captions, segment(`s${i}`, `n${i}`), i);
    assert.deepEqual(
      captions.map((c) => c.segmentId),
      Array.from({ length: MAX_CAPTIONS }, (_, i) => `s${i + 1}`),
    );
  });

  it('cuts a runaway text to its newest words', () => {
    const long = `${'a'.repeat(MAX_CAPTION_CHARS)}END`;
    const [caption] = applyCaption([], segment('s1', long), 0);
    assert.equal(caption!.text.length, MAX_CAPTION_CHARS);
    assert.ok(caption!.text.endsWith('END'));
  });

  it('an empty new segment adds nothing', () => {
    assert.deepEqual(applyCaption([], segment('s1', '   '), 0), []);
  });

  it('a caption leaves the screen once it has not changed for a while', () => {
    const captions = applyCaption(applyCaption([], segment('s1', 'old'), 0), segment('s2', 'new'), 4000);
    assert.equal(nextCaptionExpiry(captions), CAPTION_LINGER_MS);
    assert.equal(expireCaptions(captions, CAPTION_LINGER_MS - 1), captions, 'unchanged list is the same object');
    assert.deepEqual(
      expireCaptions(captions, CAPTION_LINGER_MS).map((c) => c.segmentId),
      ['s2'],
    );
    assert.equal(nextCaptionExpiry([]), null);
  });
});
