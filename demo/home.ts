// Home page: "Join with a code" takes a code or a pasted invite link and opens the room page.
import '../src/index.js';
import type { HashdropJoinRequestEvent } from '../src/elements/shared/events.js';

document.querySelector('#join')?.addEventListener('hashdrop-join-request', (event) => {
  location.assign(`/r/${encodeURIComponent((event as HashdropJoinRequestEvent).code)}`);
});
