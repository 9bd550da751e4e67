import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// Defined up front, as the room does once its call chunk arrives while the pre-join shows.
import { defineBackgroundChoice } from '../src/elements/prejoin/background-choice.js';
import { snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  name: string;
  snapshot: () => RoomSnapshot;
}

const meta: Meta<Args> = {
  title: 'Elements/Prejoin',
  component: 'hashdrop-prejoin',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    name: { control: 'text', description: 'Initial value of the name field.' },
    snapshot: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', name: '' },
  render: ({ lang, theme, name, snapshot }) =>
    html`<hashdrop-prejoin
      lang=${lang}
      theme=${theme}
      name=${name}
      .session=${storySession(snapshot())}
    ></hashdrop-prejoin>`,
};
export default meta;
type Story = StoryObj<Args>;

defineBackgroundChoice();

export const Ready: Story = { args: { snapshot: () => snapshots.preJoin(), name: 'Ada' } };
/** Join pressed: the room keeps this screen, Join busy, until the call is up. */
export const Joining: Story = { args: { snapshot: () => snapshots.connecting(), name: 'Ada' } };
export const BlurChosen: Story = {
  args: { snapshot: () => ({ ...snapshots.preJoin(), background: 'blur' }), name: 'Ada' },
};
export const CameraOff: Story = { args: { snapshot: () => snapshots.preJoin({ cameraEnabled: false }) } };
export const AskingPermission: Story = { args: { snapshot: () => snapshots.preJoinPermissionPrompt() } };
export const PermissionDenied: Story = { args: { snapshot: () => snapshots.preJoinPermissionDenied() } };
export const NoDevices: Story = { args: { snapshot: () => snapshots.preJoinNoDevices() } };
/** A browser that cannot make calls: no WebRTC here; insecure pages and missing camera access read alike. */
export const BrowserCannotCall: Story = { args: { snapshot: () => snapshots.preJoinUnsupported('no-webrtc') } };
export const InsecurePage: Story = { args: { snapshot: () => snapshots.preJoinUnsupported('insecure-context') } };
export const Scheduled: Story = { args: { snapshot: () => snapshots.preJoinScheduled(42 * 60_000) } };
export const NoRoomYet: Story = { args: { snapshot: () => snapshots.idle() } };
export const NameRejected: Story = {
  args: {
    snapshot: () =>
      snapshots.preJoin({ error: { code: 'VALIDATION_FAILED', message: 'Enter a name.', field: 'displayName' } }),
  },
};
