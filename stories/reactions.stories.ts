import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/reactions/define.js';
import type { ReactionSnapshot } from '../src/core/snapshot.js';
import { snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  reactions: ReactionSnapshot[];
}

const sent = (id: number, identity: string, emoji: ReactionSnapshot['emoji']): ReactionSnapshot => ({
  id,
  identity,
  emoji,
  at: 0,
});

const meta: Meta<Args> = {
  title: 'Elements/Reactions',
  component: 'hashdrop-reactions',
  argTypes: { lang: langControl, theme: themeControl, reactions: { table: { disable: true } } },
  args: { lang: 'en', theme: 'light', reactions: [] },
  // Over a dark stage, as in a call; held still, so the picture is the same every time.
  render: ({ lang, theme, reactions }) =>
    html`<div style="background: #111418; height: 14rem; display: grid; --hashdrop-reactions-animation: none">
      <hashdrop-reactions
        lang=${lang}
        theme=${theme}
        .session=${storySession(snapshots.inRoom(4, { reactions }))}
      ></hashdrop-reactions>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const One: Story = { args: { reactions: [sent(1, 'user_1', '👏')] } };
export const Burst: Story = {
  args: {
    reactions: [
      sent(1, 'user_1', '👏'),
      sent(2, 'user_2', '🎉'),
      sent(3, 'user_3', '❤️'),
      sent(4, 'user_0', '😂'),
      sent(5, 'user_2', '👍'),
    ],
  },
};
