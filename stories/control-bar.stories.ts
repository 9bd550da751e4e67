import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/control-bar/define.js';
import type { HashdropControlBar } from '../src/elements/control-bar/control-bar.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { participant, snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  unread: number;
  chatOpen: boolean;
  snapshot: () => RoomSnapshot;
  /** Opens the End-for-all confirmation once rendered. */
  confirm?: boolean;
}

function session(snapshot: RoomSnapshot) {
  const s = storySession(snapshot);
  // A session that can end the call for everyone (our endpoint's sessions can; a plain token endpoint cannot).
  if (snapshot.role === 'host')
    Object.assign(s, { endForAll: () => Promise.resolve(console.info('[session] endForAll')) });
  return s;
}

const meta: Meta<Args> = {
  title: 'Elements/Control bar',
  component: 'hashdrop-control-bar',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    unread: { control: { type: 'number', min: 0 }, description: 'Chat messages not seen yet.' },
    chatOpen: { control: 'boolean', description: 'The chat is showing.' },
    snapshot: { table: { disable: true } },
    confirm: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', unread: 0, chatOpen: false, snapshot: () => snapshots.inRoom(2) },
  render: ({ lang, theme, unread, chatOpen, snapshot, confirm }) =>
    html`<hashdrop-control-bar
      lang=${lang}
      theme=${theme}
      ?chat-open=${chatOpen}
      .unread=${unread}
      .session=${session(snapshot())}
      ${ref((element) => {
        const bar = element as HashdropControlBar | undefined;
        if (bar && confirm) void bar.updateComplete.then(() => bar.confirmEndForAll());
      })}
    ></hashdrop-control-bar>`,
};
export default meta;
type Story = StoryObj<Args>;

const on = { micEnabled: true, cameraEnabled: true };

export const Guest: Story = { args: { snapshot: () => snapshots.inRoom(2, on) } };
export const Host: Story = { args: { snapshot: () => snapshots.host(0, on) } };
export const MicAndCameraOff: Story = {
  args: { snapshot: () => snapshots.inRoom(2, { micEnabled: false, cameraEnabled: false }) },
};
export const SharingScreen: Story = { args: { snapshot: () => snapshots.inRoom(2, { ...on, screenSharing: true }) } };
export const SomeoneElseSharing: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(2, {
        ...on,
        participants: [
          participant(0),
          participant(1, {
            screenShare: { sid: 'TR_screen_1', source: 'screen_share', muted: false, subscribed: true },
          }),
        ],
      }),
  },
};
export const UnreadChat: Story = { args: { unread: 3, snapshot: () => snapshots.inRoom(2, on) } };
export const ChatOpen: Story = { args: { chatOpen: true, snapshot: () => snapshots.inRoom(2, on) } };
export const EndForAllDialog: Story = { args: { confirm: true, snapshot: () => snapshots.host(0, on) } };
