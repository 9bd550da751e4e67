import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// Defined up front (the entry defines them on demand) so they render on the first frame.
import '../src/elements/host-panel/define.js';
import '../src/elements/control-bar/define.js';
import { DEFAULT_POLICY } from '../src/contract/schemas.js';
import { roomView, snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { FULLSCREEN, langControl, roomFrame, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  snapshot: () => RoomSnapshot;
}

/**
 * A stage room (policy `stageMode: true`) as each role sees it: a host, a speaker (Grace) and an audience of four,
 * Alan and Linus with their hands raised. The audience has no tiles, only a count and a list.
 */
const meta: Meta<Args> = {
  title: 'Stage mode/Room by role',
  component: 'hashdrop-room',
  argTypes: { lang: langControl, theme: themeControl, snapshot: { table: { disable: true } } },
  args: { lang: 'en', theme: 'light' },
  parameters: FULLSCREEN,
  render: ({ lang, theme, snapshot }) =>
    roomFrame(html`<hashdrop-room lang=${lang} theme=${theme} .session=${storySession(snapshot())}></hashdrop-room>`),
};
export default meta;
type Story = StoryObj<Args>;

/** The host: raised hands in order, people on stage and in the audience with actions, tile menus. */
export const Host: Story = { args: { snapshot: () => snapshots.stage('host') } };
/** A speaker: microphone, camera and screen share, and a hand to raise. */
export const Speaker: Story = { args: { snapshot: () => snapshots.stage('speaker') } };
/** An audience member with the hand up: nothing to publish, the hand toggle pressed. */
export const AudienceWithHandRaised: Story = { args: { snapshot: () => snapshots.stage('audience') } };
/** The host turned audience chat off: the audience's chat says so. */
export const AudienceChatOff: Story = {
  args: {
    snapshot: () =>
      snapshots.stage('audience', {
        room: roomView({ policy: { ...DEFAULT_POLICY, stageMode: true, audienceChat: false } }),
      }),
  },
};
/** An audio-only space (policy `audioOnly: true`): no camera or screen share anywhere. */
export const AudioOnlySpace: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(4, {
        room: roomView({ policy: { ...DEFAULT_POLICY, audioOnly: true } }),
        cameraEnabled: false,
        participants: snapshots.inRoom(4).participants.map((p) => ({ ...p, camera: null })),
      }),
  },
};

/** The host panel alone in a stage room: hands first raised first, then on stage and the audience. */
export const HostPanel: Story = {
  render: ({ lang, theme }) =>
    html`<hashdrop-host-panel
      lang=${lang}
      theme=${theme}
      .session=${storySession(snapshots.stage('host', { identity: 'user_host' }))}
    ></hashdrop-host-panel>`,
};

/** A guest about to join a stage room: told they join the audience; no camera or microphone is asked for. */
export const PreJoinAsAudience: Story = {
  args: {
    snapshot: () =>
      snapshots.preJoin({
        room: roomView({ policy: { ...DEFAULT_POLICY, stageMode: true }, youAreHost: false }),
      }),
  },
};
