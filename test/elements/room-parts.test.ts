/**
 * The pure parts of `<hashdrop-room>`, called directly: attribute converters and checks, the snapshot → events diff,
 * the screen for a state and the URL host key.
 */
import { expect } from '@open-wc/testing';
import {
  checkRoomAttributes,
  parseRoomAttribute,
  parseToggle,
  type RoomAttributes,
} from '../../src/elements/room/attributes.js';
import { withoutHostKey } from '../../src/elements/room/host-key.js';
import { snapshotEvents } from '../../src/elements/room/snapshot-events.js';
import { errorTexts, roomViewOf } from '../../src/elements/room/view.js';
import type { RoomSnapshot } from '../../src/core/snapshot.js';
import {
  HashdropDeniedEvent,
  HashdropErrorEvent,
  HashdropJoinedEvent,
  HashdropKnockEvent,
  HashdropLeftEvent,
  HashdropStatusChangeEvent,
} from '../../src/elements/shared/events.js';
import { knock, snapshots } from '../../src/testing/fixtures.js';

const valid: RoomAttributes = {
  endpoint: '/api',
  tokenEndpoint: '',
  room: 'stellar phoenix',
  create: false,
  audio: null,
  video: null,
  theme: null,
  layout: null,
};

describe('room attributes', () => {
  it('reads the room attribute: codes in any spelling, invite links, room ids', () => {
    expect(parseRoomAttribute(' stellar_phoenix ')).to.equal('STELLAR-PHOENIX');
    expect(parseRoomAttribute('https://x.test/?room=brave-otter')).to.equal('BRAVE-OTTER');
    expect(parseRoomAttribute('room_4f9a1c2b7d')).to.equal('room_4f9a1c2b7d');
    expect(parseRoomAttribute('')).to.be.null;
    expect(parseRoomAttribute('abc')).to.be.null;
    expect(parseRoomAttribute('no way!')).to.be.null;
  });

  it('reads toggles: absent or empty is on, on/off and true/false in any case, else null', () => {
    const table: Array<[string | null, boolean | null]> = [
      [null, true],
      ['', true],
      ['on', true],
      [' TRUE ', true],
      ['off', false],
      ['False', false],
      ['yes', null],
      ['0', null],
    ];
    for (const [value, expected] of table) expect(parseToggle(value), String(value)).to.equal(expected);
  });

  it('accepts a valid set of attributes', () => {
    expect(checkRoomAttributes(valid, null, false)).to.be.null;
    expect(checkRoomAttributes({ ...valid, theme: 'dark', layout: 'grid', audio: 'off' }, 'pt-BR', false)).to.be.null;
    expect(checkRoomAttributes({ ...valid, endpoint: '' }, null, true), 'an injected session needs no endpoint').to.be
      .null;
  });

  it('names the first problem, its message key and the bad value', () => {
    const table: Array<[Partial<RoomAttributes>, string | null, unknown]> = [
      [{ tokenEndpoint: '/token' }, null, ['token-endpoint', 'room.error.both-endpoints']],
      [{ endpoint: '' }, null, ['endpoint', 'room.error.missing-endpoint']],
      [{ create: true }, null, ['create', 'room.error.create-and-room']],
      [{ room: 'no way!' }, null, ['room', 'room.error.bad-room', 'no way!']],
      [{ audio: 'loud' }, null, ['audio', 'room.error.bad-toggle', 'loud']],
      [{ video: 'maybe' }, null, ['video', 'room.error.bad-toggle', 'maybe']],
      [{ theme: 'blue' }, null, ['theme', 'room.error.bad-theme', 'blue']],
      [{ layout: 'mosaic' }, null, ['layout', 'room.error.bad-layout', 'mosaic']],
      [{}, 'not a tag!', ['lang', 'room.error.bad-lang', 'not a tag!']],
      // In the order a page author would fix them: both endpoints before the bad theme.
      [{ tokenEndpoint: '/token', theme: 'blue' }, null, ['token-endpoint', 'room.error.both-endpoints']],
    ];
    for (const [patch, lang, expected] of table) {
      expect(
        checkRoomAttributes({ ...valid, ...(patch as RoomAttributes) }, lang, false),
        JSON.stringify(patch),
      ).to.deep.equal(expected);
    }
  });
});

describe('room events for a snapshot change', () => {
  const names = (events: Event[]) => events.map((e) => e.type);

  it('announces the first snapshot of a bound session as a status change from null', () => {
    const [event, ...rest] = snapshotEvents(null, snapshots.preJoin());
    expect(event).to.be.instanceOf(HashdropStatusChangeEvent);
    expect((event as HashdropStatusChangeEvent).status).to.equal('pre-join');
    expect((event as HashdropStatusChangeEvent).previous).to.be.null;
    expect(rest).to.deep.equal([]);
  });

  it('fires nothing when nothing it reports changed', () => {
    expect(snapshotEvents(snapshots.preJoin(), snapshots.preJoin({ displayName: 'Ada' }))).to.deep.equal([]);
  });

  it('joins on entering the call, but not again after a reconnection', () => {
    const joined = snapshotEvents(snapshots.connecting(), snapshots.inRoom());
    expect(names(joined)).to.deep.equal(['hashdrop-status-change', 'hashdrop-joined']);
    const event = joined[1] as HashdropJoinedEvent;
    expect([event.roomCode, event.identity, event.role]).to.deep.equal(['STELLAR-PHOENIX', 'user_0', 'participant']);
    expect(names(snapshotEvents(snapshots.reconnecting(), snapshots.inRoom()))).to.deep.equal([
      'hashdrop-status-change',
    ]);
  });

  it('leaves when the call is over, with the reason', () => {
    for (const from of [snapshots.inRoom(), snapshots.reconnecting()]) {
      const events = snapshotEvents(from, snapshots.ended('kicked'));
      expect(names(events)).to.deep.equal(['hashdrop-status-change', 'hashdrop-left']);
      expect((events[1] as HashdropLeftEvent).reason).to.equal('kicked');
    }
    expect(names(snapshotEvents(snapshots.waiting(), snapshots.ended()))).to.deep.equal(['hashdrop-status-change']);
  });

  it('reports a denial and a fatal error', () => {
    const denied = snapshotEvents(snapshots.waiting(), snapshots.denied());
    expect(denied[1]).to.be.instanceOf(HashdropDeniedEvent);
    expect((denied[1] as HashdropDeniedEvent).roomRef).to.equal('STELLAR-PHOENIX');
    const failed = snapshotEvents(snapshots.preJoin(), snapshots.roomFull());
    expect(failed[1]).to.be.instanceOf(HashdropErrorEvent);
    expect([(failed[1] as HashdropErrorEvent).code, (failed[1] as HashdropErrorEvent).fatal]).to.deep.equal([
      'ROOM_FULL',
      true,
    ]);
  });

  it('reports a browser that cannot call once', () => {
    const first = snapshotEvents(snapshots.idle(), snapshots.preJoinUnsupported());
    expect(names(first)).to.deep.equal(['hashdrop-status-change', 'hashdrop-error']);
    expect((first[1] as HashdropErrorEvent).code).to.equal('BROWSER_UNSUPPORTED');
    const again = snapshots.preJoinUnsupported('no-webrtc', { displayName: 'Ada' });
    expect(snapshotEvents(snapshots.preJoinUnsupported(), again)).to.deep.equal([]);
  });

  it('tells hosts about new knocks only, in order', () => {
    const before = snapshots.host(1);
    const after: RoomSnapshot = { ...before, knocks: [...before.knocks, knock(1), knock(2)] };
    const events = snapshotEvents(before, after);
    expect(events.every((e) => e instanceof HashdropKnockEvent)).to.equal(true);
    expect(events.map((e) => (e as HashdropKnockEvent).knock.knockId)).to.deep.equal(['knock_1', 'knock_2']);
    expect(snapshotEvents(null, after).filter((e) => e instanceof HashdropKnockEvent)).to.deep.equal([]);
    const guest = snapshots.inRoom(2, { knocks: [knock(3)] });
    expect(snapshotEvents(snapshots.inRoom(), guest)).to.deep.equal([]);
  });
});

describe('room screens', () => {
  it('shows the screen for each state', () => {
    expect(roomViewOf(snapshots.inRoom(), true, true)).to.equal('invalid');
    expect(roomViewOf(snapshots.idle(), false, false)).to.equal('prejoin');
    expect(roomViewOf(snapshots.preJoin(), false, false)).to.equal('prejoin');
    expect(roomViewOf(snapshots.connecting(), false, false)).to.equal('connecting');
    expect(roomViewOf(snapshots.waiting(), false, false)).to.equal('lobby');
    expect(roomViewOf(snapshots.admitted(), false, true), 'let in, connecting: the lobby stays').to.equal('lobby');
    expect(roomViewOf(snapshots.denied(), false, false)).to.equal('lobby');
    expect(roomViewOf(snapshots.inRoom(), false, true)).to.equal('call');
    expect(roomViewOf(snapshots.reconnecting(), false, true)).to.equal('call');
    expect(roomViewOf(snapshots.inRoom(), false, false), 'until the call view has arrived').to.equal('connecting');
    expect(roomViewOf(snapshots.ended(), false, false)).to.equal('ended');
    expect(roomViewOf(snapshots.error(), false, false)).to.equal('error');
  });

  it('keeps pre-join on show while a join started there connects, and only then', () => {
    expect(roomViewOf(snapshots.connecting(), false, true, 'prejoin')).to.equal('prejoin');
    expect(roomViewOf(snapshots.connecting(), false, true, 'error'), 'a retry from the error card').to.equal(
      'connecting',
    );
    expect(roomViewOf(snapshots.connecting(), false, true, null), 'first render').to.equal('connecting');
    expect(roomViewOf(snapshots.inRoom(), false, true, 'prejoin')).to.equal('call');
    expect(roomViewOf(snapshots.waiting(), false, true, 'prejoin')).to.equal('lobby');
    expect(roomViewOf(snapshots.error(), false, true, 'prejoin')).to.equal('error');
  });

  it('says an error in our words with the original as the detail, or the original alone', () => {
    const error = { code: 'NETWORK', message: 'fetch failed' } as const;
    expect(errorTexts(error, () => 'Not reached.')).to.deep.equal(['Not reached.', 'fetch failed']);
    expect(errorTexts(error, () => '')).to.deep.equal(['fetch failed', '']);
    expect(errorTexts(null, () => 'x')).to.deep.equal(['', '']);
  });
});

describe('a host key in the page URL', () => {
  it('is removed with every other parameter kept as written', () => {
    expect(withoutHostKey('?room=stellar-phoenix&host=SECRET&x=a%20b')).to.equal('room=stellar-phoenix&x=a%20b');
    expect(withoutHostKey('?host=A&host=B')).to.equal('');
    expect(withoutHostKey('?hostname=x&ghost=y')).to.equal('hostname=x&ghost=y');
    expect(withoutHostKey('')).to.equal('');
  });
});
