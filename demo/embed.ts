// The embed builder (/embed): a CMS editor picks a room and its look, sees the live element, and copies a snippet made
// of the CDN script tag and the same element. The snippet is for guests, so a new room's host key never enters it;
// the page shows the host link separately.
import '../src/index.js';
import { EndpointClient, EndpointError } from '../src/core/index.js';
import type { CreateRoomRequest } from '../src/contract/index.js';
import { embedSnippet, type EmbedAttributes } from './embed-snippet.js';

const endpoint = `${location.origin}/api`;
const scriptUrl = `${location.origin}/dist/cdn/hashdrop.js`;
const client = new EndpointClient({ endpoint });

const form = document.querySelector<HTMLFormElement>('#options')!;
const codeInput = document.querySelector<HTMLInputElement>('#existing-code')!;
const policy = document.querySelector<HTMLFieldSetElement>('#policy')!;
const applyButton = document.querySelector<HTMLButtonElement>('#apply')!;
const formStatus = document.querySelector<HTMLElement>('#form-status')!;
const snippet = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const copyButton = document.querySelector<HTMLButtonElement>('#copy')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const hostLinkBox = document.querySelector<HTMLElement>('#host-link-box')!;
const hostLink = document.querySelector<HTMLInputElement>('#host-link')!;
const preview = document.querySelector<HTMLElement>('#preview')!;

let roomCode: string | null = null;
let live = document.createElement('hashdrop-room');

const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | RadioNodeList;
const value = (name: string) => field(name).value;
const checked = (name: string) => (field(name) as HTMLInputElement).checked;

/** The element's attributes as the options say (the room only once one is chosen). */
function attributes(): EmbedAttributes {
  const list: Array<[string, string]> = [['endpoint', endpoint]];
  if (roomCode) list.push(['room', roomCode]);
  list.push(['theme', value('theme')], ['lang', value('lang')], ['layout', value('layout')]);
  return list;
}

/** Brings the live element and the snippet in line with the options; a new room gets a fresh element. */
function render(newRoom = false): void {
  const wanted = attributes();
  if (newRoom) {
    live.remove();
    live = document.createElement('hashdrop-room');
  }
  for (const { name } of [...live.attributes]) {
    if (name !== 'status' && !wanted.some(([wantedName]) => wantedName === name)) live.removeAttribute(name);
  }
  for (const [name, attributeValue] of wanted) {
    if (live.getAttribute(name) !== attributeValue) live.setAttribute(name, attributeValue);
  }
  if (!live.isConnected) preview.append(live);

  if (roomCode) {
    snippet.value = embedSnippet(scriptUrl, wanted);
    copyButton.disabled = false;
  } else {
    snippet.value = '';
    snippet.placeholder = 'Create a room or choose one first.';
    copyButton.disabled = true;
  }
  copyStatus.textContent = '';
}

function syncRoomKind(): void {
  const kind = value('kind');
  codeInput.disabled = kind !== 'existing';
  codeInput.required = kind === 'existing';
  policy.disabled = kind === 'existing';
  applyButton.textContent = kind === 'existing' ? 'Use this room' : 'Create room';
}

async function chooseRoom(): Promise<void> {
  const kind = value('kind');
  applyButton.disabled = true;
  formStatus.textContent = kind === 'existing' ? 'Looking up the room…' : 'Creating the room…';
  try {
    let hostKey: string | null = null;
    if (kind === 'existing') {
      const room = await client.getRoom(codeInput.value);
      roomCode = room.code;
    } else {
      const request: CreateRoomRequest = {
        policy: {
          waitingRoom: checked('waitingRoom'),
          requireHost: checked('requireHost'),
          stageMode: checked('stageMode'),
          maxParticipants: Number(value('maxParticipants')),
          autoCloseWhenEmpty: kind === 'one-shot',
        },
      };
      const created = await client.createRoom(request);
      roomCode = created.room.code;
      hostKey = created.hostKey;
    }
    hostLinkBox.hidden = hostKey === null;
    hostLink.value = hostKey ? `${location.origin}/r/${roomCode}?host=${encodeURIComponent(hostKey)}` : '';
    render(true);
    formStatus.textContent = `Room ${roomCode} is ready: copy the snippet.`;
  } catch (error) {
    formStatus.textContent =
      error instanceof EndpointError ? error.message : 'The endpoint could not be reached. Try again.';
  } finally {
    applyButton.disabled = false;
  }
}

async function copySnippet(): Promise<void> {
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    // No clipboard permission (an embedding frame, an old browser): copy the selected text the old way.
    snippet.select();
    document.execCommand('copy');
  }
  copyStatus.textContent = 'Copied';
}

form.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).name === 'kind') syncRoomKind();
  render();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void chooseRoom();
});
copyButton.addEventListener('click', () => void copySnippet());
syncRoomKind();
render();
