import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/invite/define.js';
import { snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  code: string;
  linkTemplate: string;
  noQr: boolean;
  noJoin: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Invite',
  component: 'hashdrop-invite',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    code: { control: 'text', description: 'Room code (else the session’s room).' },
    linkTemplate: { control: 'text', description: 'Invite link with {code}.' },
    noQr: { control: 'boolean' },
    noJoin: { control: 'boolean' },
  },
  args: { lang: 'en', theme: 'light', code: 'STELLAR-PHOENIX', linkTemplate: '', noQr: false, noJoin: false },
  render: (a) =>
    html`<hashdrop-invite
      lang=${a.lang}
      theme=${a.theme}
      code=${a.code}
      link-template=${a.linkTemplate}
      ?no-qr=${a.noQr}
      ?no-join=${a.noJoin}
    ></hashdrop-invite>`,
};
export default meta;
type Story = StoryObj<Args>;

export const WithCode: Story = {};
export const LinkTemplate: Story = { args: { linkTemplate: 'https://rooms.example.com/r/{code}' } };
export const JoinByCodeOnly: Story = { args: { code: '', noQr: true } };
export const FromSession: Story = {
  args: { code: '' },
  render: (a) =>
    html`<hashdrop-invite
      lang=${a.lang}
      theme=${a.theme}
      no-join
      .session=${storySession(snapshots.host())}
    ></hashdrop-invite>`,
};
