import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { participant, snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { FULLSCREEN, langControl, roomFrame, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  name: string;
  snapshot: () => RoomSnapshot;
}

const meta: Meta<Args> = {
  title: 'Elements/Room',
  component: 'hashdrop-room',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    name: { control: 'text', description: 'Name to prefill.' },
    snapshot: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', name: '' },
  parameters: FULLSCREEN,
  render: ({ lang, theme, name, snapshot }) =>
    roomFrame(
      html`<hashdrop-room
        lang=${lang}
        theme=${theme}
        name=${name}
        .session=${storySession(snapshot())}
      ></hashdrop-room>`,
    ),
};
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = { args: { snapshot: () => snapshots.idle() } };
export const PreJoin: Story = { args: { snapshot: () => snapshots.preJoin(), name: 'Ada' } };
export const PreJoinPermissionDenied: Story = { args: { snapshot: () => snapshots.preJoinPermissionDenied() } };
export const PreJoinNoDevices: Story = { args: { snapshot: () => snapshots.preJoinNoDevices() } };
export const Connecting: Story = { args: { snapshot: () => snapshots.connecting() } };
export const Waiting: Story = { args: { snapshot: () => snapshots.waiting() } };
export const HostAbsent: Story = { args: { snapshot: () => snapshots.hostAbsent() } };
export const Denied: Story = { args: { snapshot: () => snapshots.denied() } };
export const InRoomOne: Story = { args: { snapshot: () => snapshots.inRoom(1) } };
export const InRoomTwo: Story = { args: { snapshot: () => snapshots.inRoom(2) } };
export const InRoomSix: Story = { args: { snapshot: () => snapshots.inRoom(6) } };
export const InRoomTwentyFive: Story = { args: { snapshot: () => snapshots.inRoom(25) } };
export const InRoomFifty: Story = { args: { snapshot: () => snapshots.inRoom(50) } };
/** Someone shares a screen: it takes the spotlight, the cameras move to the strip. */
export const ScreenShare: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(4, {
        participants: [
          participant(0),
          participant(1, {
            screenShare: { sid: 'TR_screen_1', source: 'screen_share', muted: false, subscribed: true, width: 1280 },
          }),
          participant(2),
          participant(3),
        ],
      }),
  },
};
export const HostWithKnocks: Story = { args: { snapshot: () => snapshots.host(2) } };
export const Reconnecting: Story = { args: { snapshot: () => snapshots.reconnecting() } };
export const Ended: Story = { args: { snapshot: () => snapshots.ended('left') } };
export const EndedByHost: Story = { args: { snapshot: () => snapshots.ended('host-ended') } };
export const Error: Story = { args: { snapshot: () => snapshots.error() } };
export const RoomFull: Story = { args: { snapshot: () => snapshots.roomFull() } };

/** A malformed attribute: the element shows what is wrong and fires `hashdrop-error` (INVALID_ATTRIBUTE). */
export const InvalidAttribute: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-room lang=${lang} theme=${theme} endpoint="/api" room="not a room!"></hashdrop-room>`,
};

/**
 * The call popped out into a floating window: the room keeps its place with the placeholder and Bring back. (A real
 * Document Picture-in-Picture window needs a click; here a hidden frame's window stands in for it.)
 */
export const PoppedOut: Story = {
  args: { snapshot: () => snapshots.inRoom(2) },
  play: async ({ canvasElement }) => {
    const room = canvasElement.querySelector('hashdrop-room')!;
    await room.updateComplete;
    const view = room.shadowRoot!.querySelector('hashdrop-call-view')!;
    const frame = document.createElement('iframe');
    frame.hidden = true;
    canvasElement.append(frame);
    const own = Object.getOwnPropertyDescriptor(window, 'documentPictureInPicture');
    Object.defineProperty(window, 'documentPictureInPicture', {
      configurable: true,
      value: { requestWindow: async () => frame.contentWindow },
    });
    try {
      await view.popOut();
    } finally {
      delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture;
      if (own) Object.defineProperty(window, 'documentPictureInPicture', own);
    }
  },
};
