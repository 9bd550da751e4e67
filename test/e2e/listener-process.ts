/**
 * A share of a crowd of stage listeners, in a process of its own (started by listeners.ts): each gets an anonymous
 * identity and a token from the endpoint (`POST /identity`, `POST /rooms/{id}/join`), must be seated as `audience`,
 * and connects with @livekit/rtc-node. Listeners subscribe to nothing, except the first `subscribers` of the crowd,
 * which take the stage's audio, so the machine's work grows with N without N audio decoders. Its share as JSON in
 * argv[2]. Prints `ready N` once all are in, `subscribed IDENTITY` when a subscriber receives a track,
 * `disconnected IDENTITY` whenever one drops, and stops when its stdin closes.
 */
import { Room, RoomEvent } from '@livekit/rtc-node';
import type { AdmittedJoin, IdentityResponse } from '../../src/contract/index.js';
import type { ListenerShare } from './listeners.js';

/** Joins at once per process (several processes join side by side): a burst of handshakes starves 2 cores. */
const JOIN_BATCH = 2;
const JOIN_ATTEMPTS = 3;

const options = JSON.parse(process.argv[2] ?? '{}') as ListenerShare;

// On a starved machine rtc-node can lose a room between its connect answer and its first event; the connect fails
// (and is tried again below), and the SDK later drops that room's handle a second time, out of band. That one error
// is the SDK cleaning up after a failed connect, not a listener being dropped: it is noted and the crowd goes on.
process.on('uncaughtException', (error) => {
  if (String(error).includes('trying to drop an invalid handle')) {
    process.stderr.write(`ignored after a failed connect: ${String(error)}\n`);
    return;
  }
  process.stdout.write(`failed ${String(error)}\n`);
  process.exit(1);
});
const rooms: Room[] = [];
let stopping = false;

/** Network attempts per request: a kept-alive socket the server closes just as it is reused fails the request. */
const REQUEST_ATTEMPTS = 3;

async function post<T>(path: string, credential: string | null, body?: unknown): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${options.endpoint}${path}`, {
        method: 'POST',
        headers: {
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      // Only a request that never got an answer is sent again (joining twice is harmless: the seat is the same one).
      if (attempt >= REQUEST_ATTEMPTS) throw error;
      continue;
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${path} → ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

async function join(index: number): Promise<void> {
  const { credential } = await post<IdentityResponse>('/identity', null);
  for (let attempt = 1; ; attempt++) {
    const admitted = await post<AdmittedJoin>(`/rooms/${options.room}/join`, credential, {
      displayName: `Listener ${index + 1}`,
    });
    if (admitted.role !== 'audience') throw new Error(`listener ${index + 1} was seated as ${admitted.role}`);
    const room = new Room();
    try {
      await room.connect(admitted.serverUrl, admitted.token, {
        autoSubscribe: index < options.subscribers,
        dynacast: false,
      });
    } catch (error) {
      // A handshake can time out inside the SDK on a starved machine; joining again is clean. The third is real. The
      // failed Room is not disconnected: the SDK has already dropped its handle, and dropping it again throws out of
      // band (an uncaught "trying to drop an invalid handle" that ends the process).
      process.stderr.write(`listener ${index + 1}: connect attempt ${attempt} failed: ${String(error)}\n`);
      if (attempt >= JOIN_ATTEMPTS) throw error;
      continue;
    }
    room.on(RoomEvent.TrackSubscribed, () => process.stdout.write(`subscribed ${admitted.identity}\n`));
    room.on(RoomEvent.Disconnected, () => {
      if (!stopping) process.stdout.write(`disconnected ${admitted.identity}\n`);
    });
    rooms.push(room);
    return;
  }
}

async function stop(): Promise<void> {
  stopping = true;
  await Promise.all(rooms.map((room) => room.disconnect().catch(() => {})));
}

try {
  const end = options.first + options.count;
  for (let start = options.first; start < end; start += JOIN_BATCH) {
    const batch = Array.from({ length: Math.min(JOIN_BATCH, end - start) }, (_, i) => join(start + i));
    await Promise.all(batch);
  }
  process.stdin.on('close', () => void stop().then(() => process.exit(0)));
  process.stdin.resume();
  process.stdout.write(`ready ${rooms.length}\n`);
} catch (error) {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  await stop();
  process.exit(1);
}
