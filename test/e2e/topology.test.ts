/**
 * The multi-instance deployment with real processes (scripts/topology.ts): two endpoint instances (their own Node
 * processes) on one PostgreSQL behind a round-robin proxy, two livekit-server nodes on one Redis behind another, each
 * node's webhooks going to a different instance. What must hold across instances and failures:
 *
 * - a host's decision on instance B wakes the guest long-polling instance A by notification (LISTEN/NOTIFY), not by
 *   the long-poll's slow re-check (the latency itself is a figure of `npm run bench`, never asserted here);
 * - SIGTERM on an instance answers its held long-polls at once, and the guest's next poll, through the proxy, reaches
 *   the other instance and gets the decision;
 * - a LiveKit node killed mid-call leaves every client back in the call or clearly ended.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dispose, Room, RoomEvent } from '@livekit/rtc-node';
import { startTopology, type Topology } from '../../scripts/topology.js';
import { admitAcross, metric, Person, until } from './topology-client.js';

let topology: Topology;

before(async () => {
  topology = await startTopology();
});

after(async () => {
  await dispose();
  await topology?.stop();
});

test(
  'a decision on B reaches the guest long-polling A by notification, with a token that connects',
  { timeout: 60_000 },
  async (t) => {
    const { A } = topology.endpoints;
    const { ms, state } = await admitAcross(topology, 'A', 'B');
    assert.equal(state.status, 'admitted');
    assert.equal(typeof state.join.token, 'string');
    // Woken by the notification from B: A's safety-net re-check found nothing the notification had not brought.
    assert.equal(await metric(A.base, 'hashdrop_knock_changes_found_by_recheck_total'), 0);
    const room = new Room();
    await room.connect(state.join.serverUrl, state.join.token, { autoSubscribe: false, dynacast: false });
    assert.equal(room.isConnected, true);
    await room.disconnect();
    t.diagnostic(`decision on B → answer on A: ${ms.toFixed(1)} ms`);
  },
);

test(
  'SIGTERM on A answers its held long-poll at once; the next poll, through the proxy, gets the decision on B',
  { timeout: 90_000 },
  async () => {
    const { A, B } = topology.endpoints;
    const host = await Person.identify(B.base);
    const room = (await host.request(B.base, 'POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
    const guest = await Person.identify(A.base);
    const pending = await guest.request(A.base, 'POST', `/rooms/${room.id}/join`, { displayName: 'Guest' });
    assert.equal(pending.status, 202);
    const knockPath = `/rooms/${room.id}/knocks/${pending.body.knockId}`;
    const poll = guest.request(A.base, 'GET', `${knockPath}?wait=25`);
    await until('the long-poll held on A', async () => (await metric(A.base, 'hashdrop_knocks_waiting')) === 1);

    const stopped = A.terminate();
    const answered = await poll;
    // Answered, not cut: the knock as it stands, and a hint to open a new connection.
    assert.equal(answered.status, 200);
    assert.deepEqual(answered.body, { status: 'pending', code: 'WAITING_ROOM_PENDING', knockId: pending.body.knockId });
    assert.equal(answered.headers.get('connection'), 'close');
    await stopped;
    assert.equal(A.running, false);

    assert.equal((await host.request(B.base, 'POST', `${knockPath}/admit`)).status, 200);
    // The proxy finds A gone and hands the poll to B, which has the decision from the shared store.
    const next = await guest.request(topology.base, 'GET', `${knockPath}?wait=25`);
    assert.equal(next.body.status, 'admitted');
    assert.equal(typeof next.body.join.token, 'string');

    await A.restart();
    assert.equal((await fetch(`${A.base}/readyz`)).status, 200);
  },
);

test(
  'A killed mid-lobby (kill -9): the cut long-poll is retried through the proxy and gets the decision made on B',
  { timeout: 90_000 },
  async () => {
    const { A, B } = topology.endpoints;
    const host = await Person.identify(B.base);
    const room = (await host.request(B.base, 'POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
    const guest = await Person.identify(A.base);
    const pending = await guest.request(A.base, 'POST', `/rooms/${room.id}/join`, { displayName: 'Guest' });
    const knockPath = `/rooms/${room.id}/knocks/${pending.body.knockId}`;
    const poll = guest.request(A.base, 'GET', `${knockPath}?wait=25`).then(
      () => 'answered',
      () => 'cut',
    );
    await until('the long-poll held on A', async () => (await metric(A.base, 'hashdrop_knocks_waiting')) === 1);
    await A.kill();
    assert.equal(await poll, 'cut');
    assert.equal((await host.request(B.base, 'POST', `${knockPath}/admit`)).status, 200);
    const next = await guest.request(topology.base, 'GET', `${knockPath}?wait=25`);
    assert.equal(next.body.status, 'admitted');
    // A restarted on the same database knows the knock and its decision too.
    await A.restart();
    assert.equal((await guest.request(A.base, 'GET', knockPath)).body.status, 'admitted');
  },
);

interface Client {
  name: string;
  peer: string;
  room: Room;
  events: string[];
}

async function joinCall(roomId: string, name: string): Promise<{ identity: string; serverUrl: string; token: string }> {
  const person = await Person.identify(topology.base);
  const joined = await person.request(topology.base, 'POST', `/rooms/${roomId}/join`, { displayName: name });
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
  return { identity: person.userId, serverUrl: joined.body.serverUrl, token: joined.body.token };
}

/** Back in the call (connected, the other person visible) or clearly ended (a Disconnected event). */
function settled(client: Client): 'back' | 'ended' | null {
  if (client.events.includes('disconnected')) return 'ended';
  if (client.room.isConnected && client.room.remoteParticipants.has(client.peer)) return 'back';
  return null;
}

test(
  'a LiveKit node killed mid-call: every client is back in the call or clearly ended',
  { timeout: 150_000 },
  async (t) => {
    const host = await Person.identify(topology.base);
    const clients: Client[] = [];
    const rooms: string[] = [];
    // Calls until one is hosted on each node (LiveKit places rooms itself), at most a few.
    for (let i = 0; i < 6; i++) {
      const room = (await host.request(topology.base, 'POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
      const [one, two] = [await joinCall(room.id, `One ${i}`), await joinCall(room.id, `Two ${i}`)];
      for (const [self, other] of [
        [one, two],
        [two, one],
      ] as const) {
        const client: Client = {
          name: `${room.code}/${self.identity}`,
          peer: other.identity,
          room: new Room(),
          events: [],
        };
        for (const event of [RoomEvent.Reconnecting, RoomEvent.Reconnected, RoomEvent.Disconnected]) {
          client.room.on(event, () => client.events.push(event));
        }
        await client.room.connect(self.serverUrl, self.token, { autoSubscribe: false, dynacast: false });
        clients.push(client);
      }
      rooms.push(room.id);
      const nodes = await Promise.all(rooms.map((id) => topology.livekit.nodeOfRoom(id)));
      if (new Set(nodes.map((node) => node?.name)).size === 2) break;
    }
    await until(
      'everyone sees the other person of the call',
      () => clients.every((c) => settled(c) === 'back'),
      20_000,
    );
    const victim = (await topology.livekit.nodeOfRoom(rooms[0]!))!;
    assert.ok(victim, 'the first call has a node');
    const onVictim = new Set(
      (
        await Promise.all(rooms.map(async (id) => ((await topology.livekit.nodeOfRoom(id)) === victim ? id : null)))
      ).filter(Boolean),
    );

    const killedAt = performance.now();
    await victim.server.crash();
    try {
      const outcomes = await until(
        'every client back in the call or ended',
        () => {
          const each = clients.map((client) => ({
            client,
            outcome: settled(client),
            touched: client.events.length > 0,
          }));
          const affected = each.filter((e, i) => onVictim.has(rooms[Math.floor(i / 2)]!));
          // A client of a call on the killed node has noticed (reconnecting at least) before it counts as back.
          const done = each.every((e) => e.outcome) && affected.every((e) => e.touched);
          return done ? each : null;
        },
        120_000,
      );
      const seconds = ((performance.now() - killedAt) / 1000).toFixed(1);
      const back = outcomes.filter((o) => o.outcome === 'back').length;
      // And the endpoint keeps signing joins that connect, into a call that was on the killed node.
      const newcomer = await joinCall(rooms[0]!, 'Newcomer');
      const late = new Room();
      try {
        await late.connect(newcomer.serverUrl, newcomer.token, { autoSubscribe: false, dynacast: false });
        assert.equal(late.isConnected, true);
      } finally {
        await late.disconnect().catch(() => {});
      }
      t.diagnostic(
        `${clients.length} clients in ${rooms.length} calls (${onVictim.size} on the killed node): ${back} back in the ` +
          `call, ${clients.length - back} ended, all settled ${seconds} s after the kill`,
      );
    } finally {
      await Promise.all(clients.map((c) => c.room.disconnect().catch(() => {})));
      await victim.server.restart();
    }
  },
);
