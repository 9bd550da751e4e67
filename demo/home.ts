// Home page: "Join with a code" takes a code or a pasted invite link and opens the room page.
import '../src/index.js';

document.querySelector('#join')?.addEventListener('hashdrop-join-request', (event) => {
  const code = (event as Event & { code?: string }).code;
  if (code) location.assign(`/r/${encodeURIComponent(code)}`);
});
