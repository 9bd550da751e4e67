/**
 * The peer in the browser benchmarks: LiveKit's own React components (the maintained line, pinned in package.json;
 * `npm run bench` prints the versions that ran), used the way LiveKit's examples use them —
 * `PreJoin`, then on submit fetch a token and render `LiveKitRoom` + `VideoConference`. The page takes the token
 * route and the room from its query string (`?token=/bench/token&room=NAME`). With `&name=NAME` it skips PreJoin and
 * joins straight into `VideoConference` with camera and microphone on (the in-call benchmark measures the call only).
 */
import '@livekit/components-styles';
import { LiveKitRoom, PreJoin, VideoConference, type LocalUserChoices } from '@livekit/components-react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const tokenRoute = params.get('token') ?? '/bench/token';
const roomName = params.get('room') ?? 'bench';
const directName = params.get('name');

interface Connection {
  serverUrl: string;
  token: string;
  choices: LocalUserChoices;
}

async function connectAs(choices: LocalUserChoices): Promise<Connection> {
  const response = await fetch(
    `${tokenRoute}?room=${encodeURIComponent(roomName)}&name=${encodeURIComponent(choices.username)}`,
  );
  const { serverUrl, token } = (await response.json()) as { serverUrl: string; token: string };
  return { serverUrl, token, choices };
}

/** A chosen device, or just on/off when none was chosen (the direct join). */
function mediaOption(enabled: boolean, deviceId: string): boolean | { deviceId: string } {
  return enabled && deviceId ? { deviceId } : enabled;
}

function App() {
  const [connection, setConnection] = useState<Connection | null>(null);
  useEffect(() => {
    if (!directName) return;
    const choices = {
      username: directName,
      videoEnabled: true,
      audioEnabled: true,
      videoDeviceId: '',
      audioDeviceId: '',
    };
    void connectAs(choices).then(setConnection);
  }, []);
  if (!connection) {
    if (directName) return null;
    return (
      <PreJoin
        defaults={{ username: '', videoEnabled: true, audioEnabled: true }}
        onSubmit={async (choices) => setConnection(await connectAs(choices))}
      />
    );
  }
  return (
    <LiveKitRoom
      serverUrl={connection.serverUrl}
      token={connection.token}
      connect
      video={mediaOption(connection.choices.videoEnabled, connection.choices.videoDeviceId)}
      audio={mediaOption(connection.choices.audioEnabled, connection.choices.audioDeviceId)}
      options={{ adaptiveStream: true, dynacast: true }}
      style={{ height: '100%' }}
    >
      <VideoConference />
    </LiveKitRoom>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
