import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/recorder/define.js';
import type { CaptionSnapshot, RoomSnapshot } from '../src/core/snapshot.js';
import { snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  layout: string;
  snapshot: () => RoomSnapshot | null;
}

const said = (speaker: string, text: string): CaptionSnapshot => ({
  segmentId: `${speaker}:${text}`,
  speaker,
  text,
  final: true,
  updatedAt: 0,
});

/**
 * What a recording or live stream of the call shows (LiveKit Egress' custom template, served by the endpoint at
 * `/api/recorder/`): the stage without controls and without the recorder's own tile, captions and reactions. Shown
 * here at the page's size, as Egress captures it.
 */
const meta: Meta<Args> = {
  title: 'Elements/Recorder',
  component: 'hashdrop-recorder',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    layout: { control: 'inline-radio', options: ['speaker', 'grid'] },
    snapshot: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', layout: 'speaker' },
  parameters: { layout: 'fullscreen' },
  render: ({ lang, theme, layout, snapshot }) => {
    const shown = snapshot();
    return html`<div style="height: 100vh">
      <hashdrop-recorder
        lang=${lang}
        theme=${theme}
        layout=${layout}
        .session=${shown ? storySession(shown) : null}
      ></hashdrop-recorder>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Four people; the one speaking has the spotlight, and what they say is captioned. */
export const Speaker: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(5, {
        activeSpeaker: 'user_2',
        captions: [said('user_2', 'Thanks everyone, let’s look at the numbers for this quarter.')],
      }),
  },
};

/** Egress' `grid` layout. */
export const Grid: Story = { args: { layout: 'grid', snapshot: () => snapshots.inRoom(5) } };

/** The call is over: the page says so while Egress finishes the file. */
export const CallEnded: Story = {
  args: { snapshot: () => snapshots.inRoom(1, { status: 'ended', endedReason: 'room-closed', participants: [] }) },
};

/** Opened without Egress' address (no LiveKit URL or token): it says what it is for. */
export const WithoutAddress: Story = { args: { snapshot: () => null } };
