import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/reactions/define.js';
import type { HashdropReactions } from '../../src/elements/reactions/reactions.js';
import type { ReactionSnapshot } from '../../src/core/snapshot.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { sessionWith, text } from './helpers.js';
import { REACTIONS } from '../../src/contract/index.js';
import { REACTION_NAMES } from '../../src/elements/reactions/reaction-names.js';

const reaction = (id: number, identity: string, emoji: ReactionSnapshot['emoji'] = '👏'): ReactionSnapshot => ({
  id,
  identity,
  emoji,
  at: 0,
});

const region = (el: HashdropReactions) => el.shadowRoot!.querySelector('[aria-live], [role="status"]');

describe('hashdrop-reactions', () => {
  it('names every reaction the endpoint accepts, in its order (the picker offers them so)', () => {
    expect(Object.keys(REACTION_NAMES)).to.deep.equal([...REACTIONS]);
  });

  it('floats each reaction with its sender’s name and announces the newest politely', async () => {
    const session = sessionWith(snapshots.inRoom(3));
    const el = await fixture<HashdropReactions>(html`<hashdrop-reactions .session=${session}></hashdrop-reactions>`);
    session.update({ reactions: [reaction(1, 'user_1', '👍'), reaction(2, 'user_2', '🎉')] });
    await el.updateComplete;
    const shown = [...el.shadowRoot!.querySelectorAll('[part="reaction"]')];
    expect(shown.map((r) => text(r.querySelector('[part="emoji"]')))).to.deep.equal(['👍', '🎉']);
    const names = session.snapshot.participants.map((p) => p.name);
    expect(text(shown[1]!.querySelector('[part="name"]'))).to.equal(names[2]);
    await waitUntil(() => text(region(el)).includes('celebration'));
    expect(text(region(el))).to.equal(`${names[2]} reacted with celebration`);
    // Contrast is checked on reactions at rest: mid-fade, any text is fainter than its colours.
    el.style.setProperty('--hashdrop-reactions-animation', 'none');
    await expect(el).to.be.accessible();
  });

  it('shows nothing from someone who is not in the call', async () => {
    const session = sessionWith(snapshots.inRoom(2, { reactions: [reaction(1, 'gone')] }));
    const el = await fixture<HashdropReactions>(html`<hashdrop-reactions .session=${session}></hashdrop-reactions>`);
    expect(el.shadowRoot!.querySelectorAll('[part="reaction"]')).to.have.length(0);
  });

  it('rises, except for a reader who asked for less motion', async () => {
    const session = sessionWith(snapshots.inRoom(2, { reactions: [reaction(1, 'user_1')] }));
    const el = await fixture<HashdropReactions>(html`<hashdrop-reactions .session=${session}></hashdrop-reactions>`);
    const shown = el.shadowRoot!.querySelector('[part="reaction"]')!;
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(shown).animationName).to.equal('hashdrop-float');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(shown).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
