import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/participant-tile/define.js';
import type { ParticipantSnapshot } from '../src/core/snapshot.js';
import { participant, snapshots } from '../src/testing/fixtures.js';
import { createTestVideoStream } from '../src/testing/snapshot-session.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  source: 'camera' | 'screen_share';
  pinned: boolean;
  participant: ParticipantSnapshot;
}

const SCREEN = { sid: 'TR_screen_1', source: 'screen_share' as const, muted: false, subscribed: true };

const meta: Meta<Args> = {
  title: 'Elements/Participant tile',
  component: 'hashdrop-participant-tile',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    source: { control: 'inline-radio', options: ['camera', 'screen_share'], description: 'Which video to show.' },
    pinned: { control: 'boolean', description: 'Shown as pinned.' },
    participant: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', source: 'camera', pinned: false, participant: participant(1) },
  render: ({ lang, theme, source, pinned, participant: p }) => {
    const session = storySession(snapshots.inRoom(2, { participants: [participant(0), p] }));
    session.streams.set(SCREEN.sid, createTestVideoStream('Shared screen', '#30343f'));
    return html`<div style="width: 320px; aspect-ratio: 16 / 9; position: relative">
      <hashdrop-participant-tile
        style="position: absolute; inset: 0"
        lang=${lang}
        theme=${theme}
        source=${source}
        ?pinned=${pinned}
        .participant=${p}
        .session=${session}
      ></hashdrop-participant-tile>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Video: Story = {};
export const You: Story = { args: { participant: participant(0) } };
export const CameraOffAvatar: Story = { args: { participant: participant(1, { camera: null }) } };
export const Speaking: Story = { args: { participant: participant(1, { isSpeaking: true, audioLevel: 0.7 }) } };
export const Muted: Story = {
  args: {
    participant: participant(1, {
      microphone: { sid: 'TR_mic_1', source: 'microphone', muted: true, subscribed: true },
    }),
  },
};
export const Pinned: Story = { args: { pinned: true } };
export const HandRaised: Story = {
  args: { participant: participant(1, { handRaisedAt: '2030-01-01T10:05:00.000Z' }) },
};
export const PoorConnection: Story = { args: { participant: participant(1, { connectionQuality: 'poor' }) } };
export const ScreenShare: Story = {
  args: { source: 'screen_share', participant: participant(1, { screenShare: SCREEN }) },
};
