import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/unmute-request/define.js';
import { snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
}

/** A host asked; Unmute or Not now clears the request (as the real session does, Unmute also turns the mic on). */
const meta: Meta<Args> = {
  title: 'Elements/Unmute request',
  component: 'hashdrop-unmute-request',
  argTypes: { lang: langControl, theme: themeControl },
  args: { lang: 'en', theme: 'light' },
  render: ({ lang, theme }) => {
    const session = storySession(snapshots.inRoom(3, { micEnabled: false, unmuteRequested: true }));
    session.onAction = (call, s) => {
      if (call.action === 'answerUnmuteRequest')
        s.update({ unmuteRequested: false, micEnabled: call.args[0] === true });
    };
    return html`<div style="padding: 1rem; max-width: 40rem">
      <hashdrop-unmute-request lang=${lang} theme=${theme} .session=${session}></hashdrop-unmute-request>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Asked: Story = {};
