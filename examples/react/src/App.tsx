// A React 19 app around <hashdrop-room>: React sets `room` as a property and listens to the element's own events
// through `onhashdrop-…` props, all typed by `hashdrop/react` (see hashdrop-jsx.d.ts).
import { useState } from 'react';

/** The room to join comes from `?room=CODE`, as a link into this app would carry it. */
const initialRoom = new URLSearchParams(location.search).get('room') ?? '';

export function App() {
  const [status, setStatus] = useState('idle');
  const [error, setError] = useState('');
  const [theme, setTheme] = useState<'light' | 'dark' | 'auto'>('auto');

  return (
    <main>
      <h1>HashDrop Rooms in React</h1>
      <label>
        Theme{' '}
        <select value={theme} onChange={(event) => setTheme(event.target.value as typeof theme)}>
          <option value="auto">Auto</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <p role="status">Room status: {status}</p>
      {error && <p role="alert">{error}</p>}
      <hashdrop-room
        endpoint="/api"
        room={initialRoom}
        theme={theme}
        onhashdrop-status-change={(event) => setStatus(event.status)}
        onhashdrop-error={(event) => setError(event.error.message)}
      />
    </main>
  );
}
