/**
 * The peer in the join benchmarks: LiveKit's own React components, used the way LiveKit's examples use them —
 * `PreJoin`, then on submit fetch a token and render `LiveKitRoom` + `VideoConference`. The page takes the token
 * route and the room from its query string (`?token=/bench/token&room=NAME`).
 */
import '@livekit/components-styles';
import { LiveKitRoom, PreJoin, VideoConference, type LocalUserChoices } from '@livekit/components-react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const tokenRoute = params.get('token') ?? '/bench/token';
const roomName = params.get('room') ?? 'bench';

interface Connection {
  serverUrl: string;
  token: string;
  choices: LocalUserChoices;
}

function App() {
  const [connection, setConnection] = useState<Connection | null>(null);
  if (!connection) {
    return (
      <PreJoin
        defaults={{ username: '', videoEnabled: true, audioEnabled: true }}
        onSubmit={async (choices) => {
          const response = await fetch(
            `${tokenRoute}?room=${encodeURIComponent(roomName)}&name=${encodeURIComponent(choices.username)}`,
          );
          const { serverUrl, token } = (await response.json()) as { serverUrl: string; token: string };
          setConnection({ serverUrl, token, choices });
        }}
      />
    );
  }
  return (
    <LiveKitRoom
      serverUrl={connection.serverUrl}
      token={connection.token}
      connect
      video={connection.choices.videoEnabled ? { deviceId: connection.choices.videoDeviceId } : false}
      audio={connection.choices.audioEnabled ? { deviceId: connection.choices.audioDeviceId } : false}
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
