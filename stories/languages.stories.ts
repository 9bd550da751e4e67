import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { snapshots } from '../src/testing/fixtures.js';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { FULLSCREEN, langControl, roomFrame, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  name: string;
  snapshot: () => RoomSnapshot;
}

/**
 * The room in each shipped language and in a right-to-left one. German, Spanish and French load as small chunks the
 * first time they are spoken; Arabic is not shipped — the stories supply it with `registerMessages`, as a page would.
 */
const meta: Meta<Args> = {
  title: 'Languages/Room',
  component: 'hashdrop-room',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    name: { control: 'text', description: 'Name to prefill.' },
    snapshot: { table: { disable: true } },
  },
  args: { theme: 'light', name: '', snapshot: () => snapshots.preJoin() },
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

export const PreJoinGerman: Story = { args: { lang: 'de', name: 'Ada' } };
export const PreJoinSpanish: Story = { args: { lang: 'es', name: 'Ada' } };
export const PreJoinFrench: Story = { args: { lang: 'fr', name: 'Ada' } };
/** Right to left: the preview, toggles and buttons are mirrored. */
export const PreJoinArabicRightToLeft: Story = { args: { lang: 'ar', name: 'عائشة' } };
export const PreJoinGermanPermissionDenied: Story = {
  args: { lang: 'de', snapshot: () => snapshots.preJoinPermissionDenied() },
};
export const PreJoinFrenchNoDevices: Story = { args: { lang: 'fr', snapshot: () => snapshots.preJoinNoDevices() } };
export const LobbySpanishHostAbsent: Story = { args: { lang: 'es', snapshot: () => snapshots.hostAbsent() } };
/** In the call, right to left: the control bar starts at the right and the leave icon faces left. */
export const InCallArabicRightToLeft: Story = { args: { lang: 'ar', snapshot: () => snapshots.inRoom(6) } };

/** The page sets `dir="rtl"` and `lang` on a wrapper; the element has neither and follows it. */
export const PageRightToLeft: Story = {
  args: { lang: 'ar' },
  render: ({ theme, name, snapshot }) =>
    html`<div dir="rtl" lang="ar">
      <hashdrop-room theme=${theme} name=${name} .session=${storySession(snapshot())}></hashdrop-room>
    </div>`,
};
