import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The pre-join screen loads this element on the first press of "Check your setup"; the story defines it up front.
import '../src/elements/precall-check/define.js';
import type { ConnectionCheckSnapshot } from '../src/core/snapshot.js';
import { connectionCheck, snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  status: ConnectionCheckSnapshot['status'];
}

/**
 * The pre-call check as pre-join opens it: a test sound and the connection test's steps and verdict. Test connection
 * (or Test again) runs through the states as the real check does, ending in a pass.
 */
const meta: Meta<Args> = {
  title: 'Elements/Pre-call check',
  component: 'hashdrop-precall-check',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    status: { control: 'inline-radio', options: ['idle', 'running', 'passed', 'failed'] },
  },
  args: { lang: 'en', theme: 'light', status: 'idle' },
  render: ({ lang, theme, status }) => {
    const session = storySession(snapshots.preJoin({ connectionCheck: connectionCheck(status) }));
    session.onAction = (call, s) => {
      if (call.action !== 'checkConnection') return;
      s.update({ connectionCheck: connectionCheck('running') });
      setTimeout(() => s.update({ connectionCheck: connectionCheck('passed') }), 1500);
    };
    return html`<div style="padding: 1rem; max-width: 40rem">
      <hashdrop-precall-check lang=${lang} theme=${theme} .session=${session}></hashdrop-precall-check>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = {};
export const Running: Story = { args: { status: 'running' } };
export const Passed: Story = { args: { status: 'passed' } };
export const Failed: Story = { args: { status: 'failed' } };
