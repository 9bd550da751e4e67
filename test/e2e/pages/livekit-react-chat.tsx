/**
 * LiveKit's own React components in a call beside `<hashdrop-room>`: `LiveKitRoom` + `VideoConference` (its chat is
 * the prefab `Chat`, opened with the control bar's Chat button), joined with a token from our endpoint given in the
 * query string (`?url=ws://…&token=…`). `window.__lkSendWithFiles(text, files)` sends a message with files attached
 * through `useChat().send`, the way an app built on these components shares files (the prefab has no attach button).
 */
import '@livekit/components-styles';
import { LiveKitRoom, VideoConference, useChat } from '@livekit/components-react';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __lkSendWithFiles?: (text: string, files: File[]) => Promise<unknown>;
  }
}

const params = new URLSearchParams(location.search);

function AttachmentSender() {
  const { send } = useChat();
  useEffect(() => {
    window.__lkSendWithFiles = (text, files) => send(text, { attachments: files });
  }, [send]);
  return null;
}

createRoot(document.getElementById('app')!).render(
  <LiveKitRoom
    serverUrl={params.get('url') ?? ''}
    token={params.get('token') ?? ''}
    connect
    video
    audio={false}
    data-lk-theme="default"
    style={{ height: '100vh' }}
  >
    <VideoConference />
    <AttachmentSender />
  </LiveKitRoom>,
);
