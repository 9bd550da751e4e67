/**
 * Reads `lk.transcription` text streams from the call and reports each segment's text as it grows (see captions.ts
 * for who may caption whom). Fetched with the first caption (stream-inbox.ts).
 */
import type { Participant, Room, TextStreamHandler } from 'livekit-client';
import { TRANSCRIPTION_ATTRIBUTES } from '../contract/topics.js';
import { applyCaption, captionSpeaker, expireCaptions, MAX_CAPTION_CHARS, nextCaptionExpiry } from './captions.js';
import type { CaptionSnapshot } from './snapshot.js';
import type { StreamReceiver } from './stream-inbox.js';
import { timedList } from './timed-list.js';

function trackOwner(room: Room, trackSid: string): string | null {
  const everyone: Participant[] = [room.localParticipant, ...room.remoteParticipants.values()];
  return everyone.find((p) => p.trackPublications.has(trackSid))?.identity ?? null;
}

/** Resolves once `identity` is in the room's roster, or after two seconds. */
function knownSoon(room: Room, identity: string): Promise<void> {
  if (room.getParticipantByIdentity(identity)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      room.off('participantConnected', onJoin);
      resolve();
    };
    const onJoin = (participant: Participant) => participant.identity === identity && done();
    const timer = setTimeout(done, 2000);
    room.on('participantConnected', onJoin);
  });
}

/** Reads captions and reports the captions on screen whenever they change (a segment grows, one expires). */
export function captionReceiver(room: Room, report: (captions: CaptionSnapshot[]) => void): StreamReceiver {
  const captions = timedList(report, expireCaptions, nextCaptionExpiry);
  const emit = (event: Parameters<typeof applyCaption>[1]) =>
    captions.set(applyCaption(captions.items, event, Date.now()));

  // Who spoke, decided again with each chunk: a stream can arrive before the browser has heard of its sender (the
  // data channel is faster than the roster), and then the sender's kind is not known yet.
  const speakerOf = (identity: string, trackSid: string | undefined): string | null => {
    const sender = room.getParticipantByIdentity(identity);
    if (!trackSid) return identity;
    if (!sender) return null;
    return captionSpeaker({ identity, isAgent: sender.isAgent }, trackSid, trackOwner(room, trackSid));
  };

  const text: TextStreamHandler = (reader, { identity }) => {
    const attributes = reader.info.attributes ?? {};
    const trackSid = attributes[TRANSCRIPTION_ATTRIBUTES.trackId] || undefined;
    const segmentId = attributes[TRANSCRIPTION_ATTRIBUTES.segmentId] || reader.info.id;
    const finalWhenDone = attributes[TRANSCRIPTION_ATTRIBUTES.final] === 'true';
    void (async () => {
      let text = '';
      // Read to the end even when the caption is refused, so the SDK does not keep the stream's chunks queued.
      for await (const chunk of reader) {
        text = (text + chunk).slice(-MAX_CAPTION_CHARS);
        const speaker = speakerOf(identity, trackSid);
        if (speaker) emit({ segmentId, speaker, text, final: false });
      }
      const speaker = speakerOf(identity, trackSid) ?? (await knownSoon(room, identity), speakerOf(identity, trackSid));
      if (speaker) emit({ segmentId, speaker, text, final: finalWhenDone });
    })().catch(() => {
      // A stream cut off mid-way (the transcriber left): what arrived stays until it expires.
    });
  };
  return { text, stop: () => captions.stop() };
}
