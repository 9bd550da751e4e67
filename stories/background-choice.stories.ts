import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// Defined up front (the room defines it with the call's elements, on use).
import { defineBackgroundChoice } from '../src/elements/prejoin/background-choice.js';
import { snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { langControl, storySession, themeControl } from './support.js';

defineBackgroundChoice();

interface Args {
  lang: string;
  theme: string;
  supported: boolean;
  snapshot: () => RoomSnapshot;
}

const meta: Meta<Args> = {
  title: 'Elements/Background choice',
  component: 'hashdrop-background-choice',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    supported: { control: 'boolean', description: 'Whether the browser can process the camera.' },
    snapshot: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', supported: true },
  render: ({ lang, theme, supported, snapshot }) =>
    html`<div style="max-width: 20rem">
      <hashdrop-background-choice
        lang=${lang}
        theme=${theme}
        .supported=${supported}
        .session=${storySession(snapshot())}
      ></hashdrop-background-choice>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const None: Story = { args: { snapshot: () => snapshots.preJoin() } };
export const Blur: Story = { args: { snapshot: () => ({ ...snapshots.preJoin(), background: 'blur' }) } };
export const Image: Story = {
  args: { snapshot: () => ({ ...snapshots.preJoin(), background: { image: 'dusk.svg' } }) },
};
export const Unsupported: Story = { args: { supported: false, snapshot: () => snapshots.preJoin() } };
