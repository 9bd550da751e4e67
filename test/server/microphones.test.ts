/**
 * Mute all and ask to unmute, seen by real rtc-node clients on the real livekit-server, on both stores: the endpoint
 * mutes every microphone but the hosts', and a request to unmute reaches only the person asked and turns nothing on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AudioSource,
  dispose,
  LocalAudioTrack,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  type Room,
} from '@livekit/rtc-node';
import { CONTROL_TOPIC, type ControlEvent } from '../../src/contract/index.js';
import {
  connect,
  eventually,
  serverDataReaches,
  STORE_KINDS,
  startStack,
  stopShared,
  type Api,
  type Stack,
} from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

for (const kind of STORE_KINDS) {
  describe(`microphones: ${kind}`, () => {
    let stack: Stack;
    const sources: AudioSource[] = [];
    const clients: Room[] = [];
    before(async () => {
      stack = await startStack(kind);
    });
    after(async () => {
      await Promise.all(clients.map((client) => client.disconnect()));
      await Promise.all(sources.map((source) => source.close()));
      await stack.stop();
    });

    async function joined(api: Api, roomId: string, name: string): Promise<Room> {
      const reply = await api.request('POST', `/rooms/${roomId}/join`, { displayName: name });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const client = await connect(reply.body.serverUrl, reply.body.token);
      clients.push(client);
      return client;
    }

    async function publishMicrophone(client: Room): Promise<void> {
      const source = new AudioSource(48000, 1);
      sources.push(source);
      const options = new TrackPublishOptions();
      options.source = TrackSource.SOURCE_MICROPHONE;
      await client.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('mic', source), options);
    }

    /** The microphone tracks of `identity` as livekit-server holds them: muted or not. */
    async function microphonesOf(roomId: string, identity: string): Promise<boolean[]> {
      const info = await stack.handler.livekit.rooms.getParticipant(roomId, identity);
      return info.tracks.filter((track) => track.source === 2 /* MICROPHONE */).map((track) => track.muted);
    }

    async function room(policy: Record<string, unknown> = {}) {
      const host = await stack.api.person();
      const created = await host.request('POST', '/rooms', { policy: { waitingRoom: false, ...policy } });
      return { host, id: created.body.room.id as string };
    }

    test('mute all mutes every microphone on the server but the hosts’', async () => {
      const { host, id } = await room();
      const hostClient = await joined(host, id, 'Host');
      const [ada, bo] = [await stack.api.person(), await stack.api.person()];
      const adaClient = await joined(ada, id, 'Ada');
      const boClient = await joined(bo, id, 'Bo');
      await Promise.all([hostClient, adaClient, boClient].map(publishMicrophone));
      await eventually('three microphones on', async () =>
        (await Promise.all([host, ada, bo].map((p) => microphonesOf(id, p.userId!)))).every((m) => m[0] === false),
      );
      const reply = await host.request('POST', `/rooms/${id}/microphones/mute-all`);
      assert.equal(reply.status, 200);
      assert.deepEqual([...reply.body.muted].sort(), [ada.userId, bo.userId].sort());
      assert.deepEqual(await microphonesOf(id, ada.userId!), [true]);
      assert.deepEqual(await microphonesOf(id, bo.userId!), [true]);
      assert.deepEqual(await microphonesOf(id, host.userId!), [false], 'a host keeps their microphone');
      // Again: nobody is left to mute.
      assert.deepEqual((await host.request('POST', `/rooms/${id}/microphones/mute-all`)).body.muted, []);
    });

    test('mute all is refused to someone who is not a host, and mutes nothing', async () => {
      const { host, id } = await room();
      await joined(host, id, 'Host');
      const guest = await stack.api.person();
      const guestClient = await joined(guest, id, 'Guest');
      await publishMicrophone(guestClient);
      await eventually('microphone on', async () => (await microphonesOf(id, guest.userId!))[0] === false);
      const reply = await guest.request('POST', `/rooms/${id}/microphones/mute-all`);
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'FORBIDDEN');
      assert.deepEqual(await microphonesOf(id, guest.userId!), [false]);
    });

    test('ask to unmute reaches only the person asked, and turns nothing on', async () => {
      const { host, id } = await room();
      await joined(host, id, 'Host');
      const [ada, bo] = [await stack.api.person(), await stack.api.person()];
      const adaClient = await joined(ada, id, 'Ada');
      const boClient = await joined(bo, id, 'Bo');
      await Promise.all([serverDataReaches(stack, id, adaClient), serverDataReaches(stack, id, boClient)]);
      const received = new Map<string, ControlEvent[]>([
        ['ada', []],
        ['bo', []],
      ]);
      for (const [name, client] of [
        ['ada', adaClient],
        ['bo', boClient],
      ] as const) {
        client.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => {
          if (topic === CONTROL_TOPIC) received.get(name)!.push(JSON.parse(new TextDecoder().decode(payload)));
        });
      }
      const reply = await host.request('POST', `/rooms/${id}/participants/${ada.userId}/ask-to-unmute`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body, { identity: ada.userId, asked: true });
      await eventually('the request reaching Ada', () => received.get('ada')!.length > 0);
      assert.deepEqual(received.get('ada'), [{ type: 'unmute-requested', identity: ada.userId }]);
      // Bo is sent nothing; a later message to everyone arrives after anything sent before it.
      await serverDataReaches(stack, id, boClient);
      assert.deepEqual(received.get('bo'), []);
      assert.deepEqual(await microphonesOf(id, ada.userId!), [], 'no microphone was turned on for her');
    });

    test('ask to unmute: refused to non-hosts, for the stage audience, and for someone not in the call', async () => {
      const { host, id } = await room({ stageMode: true });
      await joined(host, id, 'Host');
      const guest = await stack.api.person();
      await joined(guest, id, 'Guest');
      const byGuest = await guest.request('POST', `/rooms/${id}/participants/${host.userId}/ask-to-unmute`);
      assert.equal(byGuest.status, 403);
      assert.equal(byGuest.body.error.code, 'FORBIDDEN');
      const audience = await host.request('POST', `/rooms/${id}/participants/${guest.userId}/ask-to-unmute`);
      assert.equal(audience.status, 409);
      assert.equal(audience.body.error.code, 'CONFLICT');
      const nobody = await host.request('POST', `/rooms/${id}/participants/nobody/ask-to-unmute`);
      assert.equal(nobody.status, 404);
      assert.equal(nobody.body.error.code, 'NOT_FOUND');
    });
  });
}
