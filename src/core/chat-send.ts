import type { Room } from 'livekit-client';
import { CHAT_TOPIC } from '../contract/topics.js';

/**
 * A file goes attached to a message whose text is its name: LiveKit's React chat shows only files attached to a
 * message (images inline, the text for any file), and every SDK still reads the file as a byte stream on `lk.chat`
 * with its name and type. Our receiver shows such a message once, as the file (chat.ts).
 */
export async function sendChatFile(room: Room, file: File, onProgress: (progress: number) => void): Promise<void> {
  await room.localParticipant.sendText(file.name, {
    topic: CHAT_TOPIC,
    attachments: [file],
    // The SDK reports text and file as two halves; the text is done at once, so this is the file's progress.
    onProgress: (progress) => onProgress(Math.max(0, 2 * progress - 1)),
  });
}
