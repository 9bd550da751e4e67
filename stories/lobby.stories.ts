import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  snapshot: () => RoomSnapshot;
}

const meta: Meta<Args> = {
  title: 'Elements/Lobby',
  component: 'hashdrop-lobby',
  argTypes: { lang: langControl, theme: themeControl, snapshot: { table: { disable: true } } },
  args: { lang: 'en', theme: 'light' },
  render: ({ lang, theme, snapshot }) =>
    html`<hashdrop-lobby lang=${lang} theme=${theme} .session=${storySession(snapshot())}></hashdrop-lobby>`,
};
export default meta;
type Story = StoryObj<Args>;

export const RequestSent: Story = { args: { snapshot: () => snapshots.waiting() } };
export const HostNotHereYet: Story = { args: { snapshot: () => snapshots.hostAbsent() } };
export const Retrying: Story = { args: { snapshot: () => snapshots.retrying() } };
export const LetIn: Story = { args: { snapshot: () => snapshots.admitted() } };
export const Denied: Story = { args: { snapshot: () => snapshots.denied() } };
export const RoomClosed: Story = { args: { snapshot: () => snapshots.roomClosed() } };
export const RoomFull: Story = { args: { snapshot: () => snapshots.roomFull() } };
