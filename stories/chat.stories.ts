import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
// The entry defines this element on demand; the story defines it up front so it renders on the first frame.
import '../src/elements/chat/define.js';
import type { ChatMessageSnapshot, RoomSnapshot } from '../src/core/snapshot.js';
import { snapshots } from '../src/testing/fixtures.js';
import { langControl, storySession, themeControl } from './support.js';

interface Args {
  lang: string;
  theme: string;
  maxFileSize: string;
  snapshot: () => RoomSnapshot;
}

const T0 = Date.parse('2030-01-01T10:00:00.000Z');
const grace = { identity: 'user_1', name: 'Grace' };
const ada = { identity: 'user_0', name: 'Ada' };

function message(index: number, patch: Partial<ChatMessageSnapshot> = {}): ChatMessageSnapshot {
  const local = index % 3 === 2;
  return {
    id: `m${index}`,
    from: local ? ada : grace,
    isLocal: local,
    sentAt: new Date(T0 + index * 45_000).toISOString(),
    text: [
      'Morning! Slides are here: https://example.com/slides',
      'Can everyone hear me?',
      'Yes, loud and clear.',
      '<b>not bold</b> and javascript:alert(1) stay text',
    ][index % 4],
    ...patch,
  };
}

/** A small PNG drawn on a canvas, as an object URL (what a received image becomes). */
function imageUrl(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 90;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#2f5bea';
  ctx.fillRect(0, 0, 160, 90);
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 20px sans-serif';
  ctx.fillText('diagram.png', 16, 52);
  const bytes = atob(canvas.toDataURL('image/png').split(',')[1]!);
  return URL.createObjectURL(new Blob([Uint8Array.from(bytes, (c) => c.charCodeAt(0))], { type: 'image/png' }));
}

const file = (
  name: string,
  mimeType: string,
  size: number,
  extra: Partial<NonNullable<ChatMessageSnapshot['file']>>,
) => ({
  name,
  mimeType,
  size,
  progress: 1,
  ...extra,
});

const meta: Meta<Args> = {
  title: 'Elements/Chat',
  component: 'hashdrop-chat',
  argTypes: {
    lang: langControl,
    theme: themeControl,
    maxFileSize: { control: 'text', description: 'The largest file that may be shared, in bytes.' },
    snapshot: { table: { disable: true } },
  },
  args: { lang: 'en', theme: 'light', maxFileSize: '15000000' },
  render: ({ lang, theme, maxFileSize, snapshot }) =>
    html`<div style="max-width:24rem">
      <hashdrop-chat
        lang=${lang}
        theme=${theme}
        max-file-size=${maxFileSize}
        .session=${storySession(snapshot())}
      ></hashdrop-chat>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = { args: { snapshot: () => snapshots.inRoom(2) } };

export const Messages: Story = {
  args: { snapshot: () => snapshots.inRoom(2, { chat: [0, 1, 2, 3].map((i) => message(i)) }) },
};

export const FilesInProgress: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(2, {
        chat: [
          message(0, { text: undefined, file: file('recording.mp4', 'video/mp4', 12_400_000, { progress: 0.35 }) }),
          message(2, { text: undefined, file: file('notes.pdf', 'application/pdf', 820_000, { progress: 0.8 }) }),
        ],
      }),
  },
};

export const FilesReceived: Story = {
  args: {
    snapshot: () => {
      const url = imageUrl();
      return snapshots.inRoom(2, {
        chat: [
          message(0, { text: undefined, file: file('diagram.png', 'image/png', 48_000, { url }) }),
          message(1, {
            text: undefined,
            file: file('budget.xlsx', 'application/vnd.ms-excel', 230_000, {
              url: URL.createObjectURL(new Blob(['x'])),
            }),
          }),
          // A disguised page ("invoice\u202efdp.html" reads as …pdf): shown without its bidi override, .html apart, and
          // offered only as a download.
          message(3, {
            text: undefined,
            file: file('invoice\u202efdp.html', 'text/html', 12_000, {
              url: URL.createObjectURL(new Blob(['<p>x</p>'], { type: 'application/octet-stream' })),
            }),
          }),
        ],
      });
    },
  },
};

export const FileRefused: Story = {
  args: {
    snapshot: () =>
      snapshots.inRoom(2, {
        chat: [
          message(2, {
            text: undefined,
            file: file('holiday.mov', 'video/quicktime', 48_000_000, {
              progress: 0,
              error: 'This file is 48 MB; files up to 15 MB can be shared in this call.',
            }),
          }),
        ],
      }),
  },
};

export const ManyMessages: Story = {
  args: { snapshot: () => snapshots.inRoom(2, { chat: Array.from({ length: 60 }, (_, i) => message(i)) }) },
};
