import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/host-panel/define.js';
import { snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  snapshot: () => RoomSnapshot;
}

const meta: Meta<Args> = {
  title: 'Elements/Host panel',
  component: 'hashdrop-host-panel',
  argTypes: { lang: langControl, theme: themeControl, snapshot: { table: { disable: true } } },
  args: { lang: 'en', theme: 'light' },
  render: ({ lang, theme, snapshot }) =>
    html`<hashdrop-host-panel lang=${lang} theme=${theme} .session=${storySession(snapshot())}></hashdrop-host-panel>`,
};
export default meta;
type Story = StoryObj<Args>;

export const NoKnocks: Story = { args: { snapshot: () => snapshots.host(0) } };
export const OneKnock: Story = { args: { snapshot: () => snapshots.host(1) } };
export const ManyKnocks: Story = { args: { snapshot: () => snapshots.host(6) } };
export const NotHost: Story = { args: { snapshot: () => snapshots.inRoom(2) } };

/** Placed outside the room, connected with `for="…"`. */
export const OutsideTheRoom: Story = {
  render: ({ lang, theme }) => {
    const session = storySession(snapshots.host(2));
    return html`<div style="display:grid;grid-template-columns:1fr 20rem;gap:1rem">
      <hashdrop-room id="story-room" lang=${lang} theme=${theme} .session=${session}></hashdrop-room>
      <hashdrop-host-panel for="story-room" lang=${lang} theme=${theme}></hashdrop-host-panel>
    </div>`;
  },
};
