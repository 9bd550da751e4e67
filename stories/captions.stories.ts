import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/captions/define.js';
import type { CaptionSnapshot } from '../src/core/snapshot.js';
import { snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  captions: CaptionSnapshot[];
}

const said = (speaker: string, text: string, final = true): CaptionSnapshot => ({
  segmentId: `${speaker}:${text}`,
  speaker,
  text,
  final,
  updatedAt: 0,
});

const meta: Meta<Args> = {
  title: 'Elements/Captions',
  component: 'hashdrop-captions',
  argTypes: { lang: langControl, theme: themeControl, captions: { table: { disable: true } } },
  args: { lang: 'en', theme: 'light', captions: [] },
  // Over a dark stage, as in a call.
  render: ({ lang, theme, captions }) =>
    html`<div style="background: #111418; padding: 2rem 1rem; min-height: 8rem; display: grid; align-items: end">
      <hashdrop-captions
        lang=${lang}
        theme=${theme}
        .session=${storySession(snapshots.inRoom(3, { captions }))}
      ></hashdrop-captions>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const OneSpeaker: Story = { args: { captions: [said('user_1', 'Shall we start with the roadmap?')] } };
export const Conversation: Story = {
  args: {
    captions: [
      said('user_1', 'Shall we start with the roadmap?'),
      said('user_2', 'Yes — I have the numbers from last week.'),
      said('user_0', 'Great, go ahead', false),
    ],
  },
};
export const LongText: Story = {
  args: {
    captions: [
      said(
        'user_2',
        'So the plan is to ship the new waiting room first, then the recording page, and after that we look at how the stage behaves with several hundred listeners on a phone connection.',
        false,
      ),
    ],
  },
};
