/** Every join outcome, the lobby (admitted with a real rtc-node client, denied), requireHost and maxParticipants. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dispose, RoomEvent } from '@livekit/rtc-node';
import { LOBBY_TOPIC, type LobbyEvent } from '../../src/contract/index.js';
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

function claims(token: string): any {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

for (const kind of STORE_KINDS) {
  describe(`join: ${kind}`, () => {
    let stack: Stack;
    let host: Api;
    before(async () => {
      stack = await startStack(kind);
      host = await stack.api.person();
    });
    after(() => stack.stop());

    async function createRoom(policy: Record<string, unknown>) {
      const reply = await host.request('POST', '/rooms', { policy });
      assert.equal(reply.status, 201);
      return reply.body.room as { id: string; code: string };
    }

    test('open room: admitted with a short-lived token and the role grants; a real client connects', async () => {
      const room = await createRoom({ waitingRoom: false });
      const guest = await stack.api.person();
      const reply = await guest.request('POST', `/rooms/${room.code.toLowerCase()}/join`, { displayName: '  Gina ' });
      assert.equal(reply.status, 200);
      assert.equal(reply.body.outcome, 'admitted');
      assert.equal(reply.body.role, 'participant');
      assert.equal(reply.body.identity, guest.userId);
      assert.equal(reply.body.serverUrl, stack.livekit.url);
      const c = claims(reply.body.token);
      assert.equal(c.name, 'Gina');
      assert.equal(c.video.room, room.id);
      assert.equal(c.video.canPublish, true);
      assert.ok(c.exp - c.nbf <= 600);
      assert.equal(c.attributes['hashdrop.role'], 'participant');
      const client = await connect(reply.body.serverUrl, reply.body.token);
      assert.equal(client.isConnected, true);
      await client.disconnect();
    });

    test('stage mode: audience cannot publish media but can send data; hosts can', async () => {
      const room = await createRoom({ waitingRoom: false, stageMode: true });
      const guest = await stack.api.person();
      const reply = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Aud' });
      assert.equal(reply.body.role, 'audience');
      assert.equal(claims(reply.body.token).video.canPublish, false);
      assert.equal(claims(reply.body.token).video.canPublishData, true);
      const asHost = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      assert.equal(asHost.body.role, 'host');
      assert.equal(claims(asHost.body.token).video.canPublish, true);
    });

    test('waiting room: host is pushed the knock, admits, the guest learns at once and connects', async () => {
      const room = await createRoom({ waitingRoom: true });
      const hostJoin = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      assert.equal(hostJoin.status, 200, 'hosts skip the waiting room');
      const hostClient = await connect(hostJoin.body.serverUrl, hostJoin.body.token);
      await eventually('host in live state', () => stack.handler.livekit.state(room.id).participants.has(host.userId!));
      await serverDataReaches(stack, room.id, hostClient);
      const pushed = new Promise<LobbyEvent>((resolve) => {
        hostClient.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => {
          if (topic === LOBBY_TOPIC) resolve(JSON.parse(new TextDecoder().decode(payload)));
        });
      });

      const guest = await stack.api.person();
      const pending = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Guest' });
      assert.equal(pending.status, 202);
      assert.equal(pending.body.code, 'WAITING_ROOM_PENDING');
      assert.equal(JSON.stringify(pending.body).includes('token'), false);
      assert.equal(pending.body.serverUrl, stack.livekit.url, 'where to warm the way while waiting (no token with it)');
      const event = await pushed;
      assert.equal(event.type, 'knock');
      assert.equal(event.type === 'knock' && event.knock.knockId, pending.body.knockId);

      const listed = await host.request('GET', `/rooms/${room.id}/knocks`);
      assert.deepEqual(
        listed.body.knocks.map((k: { knockId: string }) => k.knockId),
        [pending.body.knockId],
      );
      const notYet = await guest.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}`);
      assert.deepEqual(notYet.body, { status: 'pending', code: 'WAITING_ROOM_PENDING', knockId: pending.body.knockId });
      // Someone else cannot read the knock.
      const other = await stack.api.person();
      assert.equal((await other.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}`)).status, 404);

      const started = Date.now();
      const poll = guest.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}?wait=20`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const decided = Date.now();
      assert.equal((await host.request('POST', `/rooms/${room.id}/knocks/${pending.body.knockId}/admit`)).status, 200);
      const state = await poll;
      assert.ok(Date.now() - decided < 1500, 'the long-poll answered right after the decision, not at its timeout');
      assert.ok(Date.now() - started < 5000);
      assert.equal(state.body.status, 'admitted');
      assert.equal(state.body.join.identity, guest.userId);
      const guestClient = await connect(state.body.join.serverUrl, state.body.join.token);
      await eventually('host sees the guest', () => hostClient.remoteParticipants.has(guest.userId!));
      assert.equal((await host.request('POST', `/rooms/${room.id}/knocks/${pending.body.knockId}/deny`)).status, 409);
      await guestClient.disconnect();
      await hostClient.disconnect();
    });

    test('denied: the guest never gets a token, and a new join is DENIED', async () => {
      const room = await createRoom({ waitingRoom: true });
      const guest = await stack.api.person();
      const pending = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Nope' });
      const poll = guest.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}?wait=20`);
      assert.equal((await host.request('POST', `/rooms/${room.id}/knocks/${pending.body.knockId}/deny`)).status, 200);
      const state = await poll;
      assert.deepEqual(state.body, { status: 'denied', knockId: pending.body.knockId });
      const again = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Nope' });
      assert.equal(again.status, 403);
      assert.equal(again.body.error.code, 'DENIED');
    });

    test('a removed guest gets KICKED on every way in: open room, lobby, pending, denied, admitted', async () => {
      const kick = async (roomId: string, identity: string) =>
        assert.equal((await host.request('POST', `/rooms/${roomId}/participants/${identity}/kick`)).status, 200);
      const refused = async (guest: Api, roomId: string) => {
        const reply = await guest.request('POST', `/rooms/${roomId}/join`, { displayName: 'Out' });
        assert.equal(reply.status, 403, JSON.stringify(reply.body));
        assert.equal(reply.body.error.code, 'KICKED');
      };
      const open = await createRoom({ waitingRoom: false });
      const lobby = await createRoom({ waitingRoom: true });
      const pendingKnocks = async () => (await host.request('GET', `/rooms/${lobby.id}/knocks`)).body.knocks;

      // Never knocked: no token in the open room, and no knock in the lobby room.
      const fresh = await stack.api.person();
      await kick(open.id, fresh.userId!);
      await kick(lobby.id, fresh.userId!);
      await refused(fresh, open.id);
      await refused(fresh, lobby.id);
      assert.deepEqual(await pendingKnocks(), []);

      // Removed while waiting, after being denied, and after being admitted (before connecting).
      const [waiting, denied, admitted] = [
        await stack.api.person(),
        await stack.api.person(),
        await stack.api.person(),
      ];
      const knockOf = async (guest: Api) =>
        (await guest.request('POST', `/rooms/${lobby.id}/join`, { displayName: 'In' })).body.knockId as string;
      await knockOf(waiting);
      const deniedKnock = await knockOf(denied);
      const admittedKnock = await knockOf(admitted);
      assert.equal((await host.request('POST', `/rooms/${lobby.id}/knocks/${deniedKnock}/deny`)).status, 200);
      assert.equal((await host.request('POST', `/rooms/${lobby.id}/knocks/${admittedKnock}/admit`)).status, 200);
      for (const guest of [waiting, denied, admitted]) {
        await kick(lobby.id, guest.userId!);
        await refused(guest, lobby.id);
      }
    });

    test('a knock can be cancelled by its guest; admit-all admits the rest', async () => {
      const room = await createRoom({ waitingRoom: true });
      const a = await stack.api.person();
      const b = await stack.api.person();
      const ka = (await a.request('POST', `/rooms/${room.id}/join`, { displayName: 'A' })).body.knockId;
      const kb = (await b.request('POST', `/rooms/${room.id}/join`, { displayName: 'B' })).body.knockId;
      assert.equal((await a.request('DELETE', `/rooms/${room.id}/knocks/${ka}`)).body.status, 'cancelled');
      const all = await host.request('POST', `/rooms/${room.id}/knocks/admit-all`);
      assert.deepEqual(all.body.admitted, [kb]);
      const state = await b.request('GET', `/rooms/${room.id}/knocks/${kb}`);
      assert.equal(state.body.status, 'admitted');
    });

    test('requireHost: guests wait until a host connects, then go in', async () => {
      const room = await createRoom({ waitingRoom: false, requireHost: true });
      const guest = await stack.api.person();
      const pending = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Early' });
      assert.equal(pending.status, 202);
      assert.equal(pending.body.code, 'HOST_REQUIRED');
      const poll = guest.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}?wait=20`);
      const hostJoin = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      const hostClient = await connect(hostJoin.body.serverUrl, hostJoin.body.token);
      const state = await poll;
      assert.equal(state.body.status, 'admitted');
      const guestClient = await connect(state.body.join.serverUrl, state.body.join.token);
      assert.equal(guestClient.isConnected, true);
      await guestClient.disconnect();
      await hostClient.disconnect();
    });

    test('requireHost with a waiting room: after the host arrives the guest still waits for admission', async () => {
      const room = await createRoom({ waitingRoom: true, requireHost: true });
      const guest = await stack.api.person();
      const pending = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Early' });
      assert.equal(pending.body.code, 'HOST_REQUIRED');
      const poll = guest.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}?wait=20`);
      const hostJoin = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      const hostClient = await connect(hostJoin.body.serverUrl, hostJoin.body.token);
      const state = await poll;
      assert.deepEqual(state.body, { status: 'pending', code: 'WAITING_ROOM_PENDING', knockId: pending.body.knockId });
      await hostClient.disconnect();
    });

    test('maxParticipants: the call is full for the next person', async () => {
      const room = await createRoom({ waitingRoom: false, maxParticipants: 2 });
      const clients = [];
      for (const name of ['One', 'Two']) {
        const person = await stack.api.person();
        const reply = await person.request('POST', `/rooms/${room.id}/join`, { displayName: name });
        assert.equal(reply.status, 200);
        clients.push(await connect(reply.body.serverUrl, reply.body.token));
      }
      const third = await stack.api.person();
      const full = await third.request('POST', `/rooms/${room.id}/join`, { displayName: 'Three' });
      assert.equal(full.status, 409);
      assert.equal(full.body.error.code, 'ROOM_FULL');
      await clients[0]!.disconnect();
      await eventually(
        'a seat frees up',
        async () => (await third.request('POST', `/rooms/${room.id}/join`, { displayName: 'Three' })).status === 200,
      );
      await clients[1]!.disconnect();
    });

    test('closed and unknown rooms', async () => {
      const room = await createRoom({ waitingRoom: false });
      await host.request('PATCH', `/rooms/${room.id}`, { status: 'CLOSED' });
      const guest = await stack.api.person();
      const closed = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' });
      assert.equal(closed.status, 409);
      assert.equal(closed.body.error.code, 'ROOM_CLOSED');
      const missing = await guest.request('POST', `/rooms/NOBODY-HERE/join`, { displayName: 'G' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'NOT_FOUND');
    });
  });
}
