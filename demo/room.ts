// The room page, /r/CODE (or /r/new to create one): points <hashdrop-room> at the code from the URL and, once a new
// room has its code, rewrites the address so the page can be shared and reloaded.
import '../src/index.js';

const room = document.querySelector('hashdrop-room')!;
const reference = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');

if (reference === '' || reference === 'new') room.setAttribute('create', '');
else room.setAttribute('room', reference);

room.addEventListener('hashdrop-status-change', () => {
  const code = room.snapshot.room?.code;
  if (code && !location.pathname.endsWith(`/r/${code}`)) history.replaceState(null, '', `/r/${code}${location.search}`);
});
