import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/tile-list/define.js';
import { participant, snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  count: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Tile list',
  component: 'hashdrop-tile-list',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    count: { control: { type: 'range', min: 1, max: 50 }, description: 'Participants in the call.' },
  },
  args: { lang: 'en', theme: 'light', count: 2 },
  render: ({ lang, theme, count }) =>
    html`<hashdrop-tile-list
      lang=${lang}
      theme=${theme}
      .session=${storySession(snapshots.inRoom(count))}
    ></hashdrop-tile-list>`,
};
export default meta;
type Story = StoryObj<Args>;

export const One: Story = { args: { count: 1 } };
export const Two: Story = { args: { count: 2 } };
export const Six: Story = { args: { count: 6 } };
export const Fifty: Story = { args: { count: 50 } };
export const SpeakingAndMuted: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-tile-list
      lang=${lang}
      theme=${theme}
      .session=${storySession(
        snapshots.inRoom(3, {
          participants: [
            participant(0),
            participant(1, { isSpeaking: true }),
            participant(2, {
              camera: null,
              microphone: { sid: 'TR_mic_2', source: 'microphone', muted: true, subscribed: true },
            }),
          ],
        }),
      )}
    ></hashdrop-tile-list>`,
};
