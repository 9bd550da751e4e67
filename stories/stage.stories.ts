import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/index.js';
// The entry defines these on demand; the story defines them up front so they render on the first frame.
import '../src/elements/stage/define.js';
import type { HashdropStage } from '../src/elements/stage/stage.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { participant, snapshots } from '../src/testing/fixtures.js';
import { createTestVideoStream } from '../src/testing/snapshot-session.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  layout: 'spotlight' | 'grid';
  count: number;
  width: string;
  snapshot?: () => RoomSnapshot;
  /** Runs once the stage has rendered (pin, zoom). */
  setup?: (stage: HashdropStage) => void;
}

const SCREEN = { sid: 'TR_screen_1', source: 'screen_share' as const, muted: false, subscribed: true, width: 1280 };

function session(snapshot: RoomSnapshot) {
  const s = storySession(snapshot);
  s.streams.set(SCREEN.sid, createTestVideoStream('Shared screen', '#30343f', 640, 360));
  return s;
}

const meta: Meta<Args> = {
  title: 'Elements/Stage',
  component: 'hashdrop-stage',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    layout: { control: 'inline-radio', options: ['spotlight', 'grid'], description: 'Spotlight and strip, or grid.' },
    count: { control: { type: 'range', min: 1, max: 50 }, description: 'Participants in the call.' },
    width: { control: 'text', description: 'Width of the stage’s container (a sidebar or a full page).' },
    snapshot: { table: { disable: true } },
    setup: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', layout: 'spotlight', count: 3, width: '100%' },
  render: ({ lang, theme, layout, count, width, snapshot, setup }) =>
    html`<div style="width: ${width}; max-width: 100%">
      <hashdrop-stage
        lang=${lang}
        theme=${theme}
        layout=${layout}
        .session=${session(snapshot ? snapshot() : snapshots.inRoom(count))}
        ${ref((element) => {
          const stage = element as HashdropStage | undefined;
          if (stage && setup) void stage.updateComplete.then(() => setup(stage));
        })}
      ></hashdrop-stage>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const One: Story = { args: { count: 1 } };
export const Two: Story = { args: { count: 2 } };
export const Six: Story = { args: { count: 6 } };
export const Fifty: Story = { args: { count: 50 } };
export const GridSix: Story = { args: { count: 6, layout: 'grid' } };
export const GridFifty: Story = { args: { count: 50, layout: 'grid' } };
export const PhoneWidth: Story = { args: { count: 6, width: '360px' } };

const sharing = () =>
  snapshots.inRoom(4, {
    participants: [participant(0), participant(1, { screenShare: SCREEN }), participant(2), participant(3)],
  });
export const ScreenShareInSpotlight: Story = { args: { snapshot: sharing } };
export const Zoomed: Story = { args: { snapshot: sharing, setup: (stage) => stage.setZoom(2) } };
export const Pinned: Story = { args: { count: 4, setup: (stage) => stage.pin('user_2') } };
export const CameraOffAvatar: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(3, { participants: [participant(0), participant(1, { camera: null }), participant(2)] }),
  },
};
export const SpeakingAndMuted: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(3, {
        activeSpeaker: 'user_1',
        participants: [
          participant(0),
          participant(1, { isSpeaking: true, audioLevel: 0.6 }),
          participant(2, { microphone: { sid: 'TR_mic_2', source: 'microphone', muted: true, subscribed: true } }),
        ],
      }),
  },
};
