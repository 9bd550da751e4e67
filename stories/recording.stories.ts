import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// Defined up front so the story renders on the first frame (the host panel and the call view define them on use).
import '../src/elements/recording/define.js';
import { NOT_RECORDING, NOT_STREAMING, type RecordingSnapshot, type RoomSnapshot } from '../src/core/snapshot.js';
import { roomView, snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  snapshot: () => RoomSnapshot;
}

/** A recording that started a minute and a half ago. */
const running = (patch: Partial<RecordingSnapshot> = {}): RecordingSnapshot => ({
  ...NOT_RECORDING,
  active: true,
  startedAt: new Date(Date.now() - 90_000).toISOString(),
  ...patch,
});

const meta: Meta<Args> = {
  title: 'Elements/Recording',
  component: 'hashdrop-recording-control',
  argTypes: { lang: langControl, theme: themeControl, snapshot: { table: { disable: true } } },
  args: { lang: 'en', theme: 'light' },
  render: ({ lang, theme, snapshot }) => {
    const session = storySession(snapshot());
    // Start and stop move the story along as the endpoint would, so the control can be tried by hand.
    session.onAction = (call, s) => {
      if (call.action === 'startRecording') s.update({ recording: running({ startedAt: new Date().toISOString() }) });
      if (call.action === 'stopRecording') s.update({ recording: NOT_RECORDING });
    };
    return html`<hashdrop-recording-control
      lang=${lang}
      theme=${theme}
      .session=${session}
    ></hashdrop-recording-control>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const NotRecording: Story = { args: { snapshot: () => snapshots.host(0) } };
export const Starting: Story = {
  args: { snapshot: () => snapshots.host(0, { recording: { ...NOT_RECORDING, pending: 'starting' } }) },
};
export const Recording: Story = { args: { snapshot: () => snapshots.host(0, { recording: running() }) } };
export const Stopping: Story = {
  args: { snapshot: () => snapshots.host(0, { recording: running({ pending: 'stopping' }) }) },
};
export const RecordingUnavailable: Story = {
  args: {
    snapshot: () =>
      snapshots.host(0, {
        recording: {
          ...NOT_RECORDING,
          error: {
            code: 'RECORDING_UNAVAILABLE',
            message: 'No recording service (LiveKit Egress) answered in time.',
          },
        },
      }),
  },
};

/** Egress failed the job on its own (here: an Egress build without an AAC encoder); the host sees Egress' reason. */
export const FailedByItself: Story = {
  args: {
    snapshot: () =>
      snapshots.host(0, {
        recording: { ...NOT_RECORDING, failure: { reason: 'could not find element: faac' } },
      }),
  },
};

/** The badge everyone sees, in pre-join (from the endpoint's room view) and in the call. */
export const Indicator: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-recording-indicator lang=${lang} theme=${theme} active></hashdrop-recording-indicator>`,
};

export const PreJoinOfARecordedRoom: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-prejoin
      lang=${lang}
      theme=${theme}
      .session=${storySession(
        snapshots.preJoin({ room: roomView({ recording: true }), recording: { ...NOT_RECORDING, active: true } }),
      )}
    ></hashdrop-prejoin>`,
};

export const InACallBeingRecorded: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-room
      lang=${lang}
      theme=${theme}
      .session=${storySession(snapshots.host(0, { recording: running() }))}
    ></hashdrop-room>`,
};

/** The host's live-stream control (RTMP/RTMPS): the masked URL field, layout, Go live. */
export const LiveStreamControl: Story = {
  render: ({ lang, theme }) => {
    const session = storySession(snapshots.host(0));
    session.onAction = (call, s) => {
      if (call.action === 'startStream') s.update({ stream: running({ startedAt: new Date().toISOString() }) });
      if (call.action === 'stopStream') s.update({ stream: NOT_STREAMING });
    };
    return html`<hashdrop-stream-control lang=${lang} theme=${theme} .session=${session}></hashdrop-stream-control>`;
  },
};

/** The stream failed by itself (the RTMP server refused it); the host reads Egress' reason. */
export const LiveStreamFailed: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-stream-control
      lang=${lang}
      theme=${theme}
      .session=${storySession(
        snapshots.host(0, { stream: { ...NOT_STREAMING, failure: { reason: 'failed to connect to <url>' } } }),
      )}
    ></hashdrop-stream-control>`,
};

export const InACallBeingStreamed: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-room
      lang=${lang}
      theme=${theme}
      .session=${storySession(snapshots.inRoom(2, { stream: running() }))}
    ></hashdrop-room>`,
};
