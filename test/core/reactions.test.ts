import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReactionEvent } from '../../src/contract/topics.js';
import {
  applyReaction,
  expireReactions,
  MAX_REACTIONS,
  nextReactionExpiry,
  REACTION_SHOW_MS,
} from '../../src/core/reactions.js';

const clap = (identity = 'grace'): ReactionEvent => ({
  type: 'reaction',
  identity,
  emoji: '👏',
  sentAt: '2026-11-30T00:00:00.000Z',
});

describe('reactions on screen', () => {
  it('shows each arrival with its own id, oldest first', () => {
    const shown = applyReaction(applyReaction([], clap('ada'), 1, 0), clap('grace'), 2, 10);
    assert.deepEqual(
      shown.map((r) => [r.id, r.identity]),
      [
        [1, 'ada'],
        [2, 'grace'],
      ],
    );
  });

  it(`keeps at most ${MAX_REACTIONS}, the newest`, () => {
    let shown = applyReaction([], clap(), 0, 0);
    for (let id = 1; id <= MAX_REACTIONS + 5; id += 1) shown = applyReaction(shown, clap(), id, id);
    assert.equal(shown.length, MAX_REACTIONS);
    assert.equal(shown.at(-1)!.id, MAX_REACTIONS + 5);
  });

  it('each leaves after its time; an unchanged list stays the same object', () => {
    const shown = applyReaction(applyReaction([], clap(), 1, 0), clap(), 2, 1000);
    assert.equal(nextReactionExpiry(shown), REACTION_SHOW_MS);
    assert.equal(expireReactions(shown, REACTION_SHOW_MS - 1), shown);
    assert.deepEqual(
      expireReactions(shown, REACTION_SHOW_MS).map((r) => r.id),
      [2],
    );
    assert.equal(nextReactionExpiry([]), null);
  });
});
