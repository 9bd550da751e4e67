/**
 * The Egress requests the endpoint builds, for each output kind (composite, per track) and destination (S3, GCS,
 * Azure), checked field by field: first as the protobuf objects themselves, then as the Twirp body EgressClient
 * actually sends. The body is caught by a loopback HTTP server standing in for LiveKit's Twirp endpoint — for this
 * field check only; what happens without an Egress service is tested against the real livekit-server
 * (recording.test.ts).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  AudioCodec,
  AzureBlobUpload,
  DirectFileOutput,
  EncodedFileOutput,
  EncodedFileType,
  EncodingOptions,
  EncodingOptionsPreset,
  GCPUpload,
  RoomCompositeEgressRequest,
  S3Upload,
  StreamProtocol,
  TrackEgressRequest,
  VideoCodec,
} from 'livekit-server-sdk';
import type { Logger, Store } from '../../src/server/index.js';
import {
  recordingFromEnv,
  validateRecordingOptions,
  withEnvCredentials,
  type CompositeEncoding,
  type RecordingDestination,
  type RecordingOptions,
} from '../../src/server/recording/config.js';
import { compositeOutput, trackOutput } from '../../src/server/recording/outputs.js';
import { Recorder } from '../../src/server/recording/recorder.js';
import { openTestStore, roomRecord, stopShared } from './harness.js';

after(stopShared);

const ROOM = { id: 'r0123456789abcdef01234567', code: 'STELLAR-PHOENIX' };
const SECRETS = {
  s3: 'S3-SECRET-never-in-a-log-0123456789',
  gcs: '{"type":"service_account","private_key":"GCS-SECRET-never-in-a-log"}',
  azure: 'AZURE-SECRET-never-in-a-log-0123456789',
};
const DESTINATIONS: Record<'s3' | 'gcs' | 'azure', RecordingDestination> = {
  s3: {
    type: 's3',
    bucket: 'calls',
    region: 'eu-central-1',
    endpoint: 'https://minio.internal:9000',
    forcePathStyle: true,
    accessKey: 'AKIAEXAMPLE',
    secret: SECRETS.s3,
  },
  gcs: { type: 'gcs', bucket: 'calls-gcs', credentials: SECRETS.gcs },
  azure: { type: 'azure', container: 'calls-azure', accountName: 'hashdropstore', accountKey: SECRETS.azure },
};

/** The upload block each destination must produce, as Egress' JSON (protobuf JSON names). */
const EXPECTED_UPLOAD = {
  s3: {
    s3: {
      accessKey: 'AKIAEXAMPLE',
      secret: SECRETS.s3,
      region: 'eu-central-1',
      endpoint: 'https://minio.internal:9000',
      bucket: 'calls',
      forcePathStyle: true,
    },
  },
  gcs: { gcp: { credentials: SECRETS.gcs, bucket: 'calls-gcs' } },
  azure: { azure: { accountName: 'hashdropstore', accountKey: SECRETS.azure, containerName: 'calls-azure' } },
};

describe('Egress outputs, as protobuf objects', () => {
  for (const kind of ['s3', 'gcs', 'azure'] as const) {
    test(`composite → ${kind}: an MP4 EncodedFileOutput with the upload`, () => {
      const output = compositeOutput(DESTINATIONS[kind], '{room_code}/{time}', ROOM);
      assert.ok(output instanceof EncodedFileOutput);
      assert.equal(output.fileType, EncodedFileType.MP4);
      assert.equal(output.filepath, 'STELLAR-PHOENIX/{time}.mp4');
      const upload = output.output.value;
      assert.ok(
        kind === 's3'
          ? upload instanceof S3Upload
          : kind === 'gcs'
            ? upload instanceof GCPUpload
            : upload instanceof AzureBlobUpload,
      );
      assert.deepEqual(output.toJson(), {
        fileType: 'MP4',
        filepath: 'STELLAR-PHOENIX/{time}.mp4',
        ...EXPECTED_UPLOAD[kind],
      });
    });

    test(`tracks → ${kind}: a DirectFileOutput per track, named by publisher, source and track`, () => {
      const output = trackOutput(DESTINATIONS[kind], undefined, ROOM);
      assert.ok(output instanceof DirectFileOutput);
      assert.deepEqual(output.toJson(), {
        filepath: 'STELLAR-PHOENIX/{time}-{publisher_identity}-{track_source}-{track_id}',
        ...EXPECTED_UPLOAD[kind],
      });
    });
  }

  test('credentials left out are taken from the environment', () => {
    const env = {
      AWS_ACCESS_KEY_ID: 'AKIAFROMENV',
      AWS_SECRET_ACCESS_KEY: 'from-env-secret',
      AZURE_STORAGE_ACCOUNT: 'acct',
      AZURE_STORAGE_KEY: 'azure-from-env',
    };
    const s3 = withEnvCredentials({ type: 's3', bucket: 'calls' }, env);
    assert.deepEqual(compositeOutput(s3, undefined, ROOM).toJson(), {
      fileType: 'MP4',
      filepath: 'STELLAR-PHOENIX/{time}.mp4',
      s3: { accessKey: 'AKIAFROMENV', secret: 'from-env-secret', bucket: 'calls' },
    });
    const azure = withEnvCredentials({ type: 'azure', container: 'c' }, env);
    assert.deepEqual((trackOutput(azure, 'x', ROOM).toJson() as { azure?: unknown }).azure, {
      accountName: 'acct',
      accountKey: 'azure-from-env',
      containerName: 'c',
    });
    // Given in code wins over the environment.
    assert.equal(
      (withEnvCredentials({ type: 's3', bucket: 'b', secret: 'mine' }, env) as { secret: string }).secret,
      'mine',
    );
    const options = recordingFromEnv({ HASHDROP_RECORDING_DESTINATION: 's3', HASHDROP_RECORDING_BUCKET: 'calls' });
    assert.deepEqual(options, { destination: { type: 's3', bucket: 'calls', forcePathStyle: false } });
    assert.throws(() => recordingFromEnv({ HASHDROP_RECORDING_DESTINATION: 'ftp' }), /s3, gcs or azure/);
    assert.throws(() => recordingFromEnv({ HASHDROP_RECORDING_DESTINATION: 'gcs' }), /needs a bucket/);
    assert.equal(recordingFromEnv({}), null);
  });
});

interface Caught {
  method: string;
  body: unknown;
  authorization: string | undefined;
}

/**
 * A loopback stand-in for LiveKit's Twirp endpoint: records each request and answers like Egress would — a start
 * with a new job, a stop with the job ending, a listing with the jobs it has (plus `listed`).
 */
async function fakeTwirp(): Promise<{
  url: string;
  caught: Caught[];
  server: Server;
  listed: unknown[];
  jobs: Map<string, unknown>;
}> {
  const caught: Caught[] = [];
  const listed: unknown[] = [];
  const jobs = new Map<string, { egressId: string; roomName: string; status: string }>();
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.url!.replace('/twirp/livekit.Egress/', '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      caught.push({ method, body, authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (method === 'ListEgress') {
        const mine = [...jobs.values()].filter((job) => job.roomName === body.roomName);
        return res.end(JSON.stringify({ items: [...mine, ...listed] }));
      }
      if (method === 'StopEgress') {
        const job = jobs.get(body.egressId as string)!;
        job.status = 'EGRESS_ENDING';
        return res.end(JSON.stringify(job));
      }
      next += 1;
      const job = { egressId: `EG_${next}`, roomName: (body.roomName as string) ?? '', status: 'EGRESS_STARTING' };
      jobs.set(job.egressId, job);
      res.end(JSON.stringify(job));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, caught, server, listed, jobs };
}

/** A fresh SQLite store holding ROOM (Egress jobs belong to a room). */
async function storeWithRoom(): Promise<Store> {
  const store = await openTestStore('sqlite');
  await store.createRoom(roomRecord(ROOM));
  return store;
}

function quietLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, message, ...fields }));
  return { logger: { info: log('info'), warn: log('warn'), error: log('error') }, lines };
}

describe('the Twirp requests EgressClient sends', () => {
  let twirp: Awaited<ReturnType<typeof fakeTwirp>>;
  before(async () => {
    twirp = await fakeTwirp();
  });
  after(() => new Promise<void>((resolve) => twirp.server.close(() => resolve())));

  for (const kind of ['s3', 'gcs', 'azure'] as const) {
    for (const layout of ['spotlight', 'grid'] as const) {
      test(`StartRoomCompositeEgress, ${kind}, ${layout}`, async () => {
        twirp.caught.length = 0;
        const { logger, lines } = quietLogger();
        const store = await storeWithRoom();
        const recorder = new Recorder(
          { destination: DESTINATIONS[kind], fileName: '{room_code}/{time}' },
          twirp.url,
          { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
          store,
          logger,
          {},
        );
        const started = await recorder.start(ROOM, { mode: 'composite', layout }, async () => []);
        assert.equal(started.egressIds.length, 1);
        assert.equal(twirp.caught.length, 1);
        const [call] = twirp.caught;
        assert.equal(call!.method, 'StartRoomCompositeEgress');
        assert.match(call!.authorization ?? '', /^Bearer /);
        // The body parses as the SDK's own request type, and every field we set is there.
        const request = RoomCompositeEgressRequest.fromJson(call!.body as never);
        assert.equal(request.roomName, ROOM.id);
        assert.equal(request.layout, layout === 'spotlight' ? 'speaker' : 'grid');
        assert.equal(request.audioOnly, false);
        assert.equal(request.fileOutputs.length, 1);
        const file = request.fileOutputs[0]!;
        assert.equal(file.fileType, EncodedFileType.MP4);
        assert.equal(file.filepath, 'STELLAR-PHOENIX/{time}.mp4');
        assert.deepEqual(
          new EncodedFileOutput({ output: file.output }).toJson(),
          EXPECTED_UPLOAD[kind],
          'the upload block, field by field',
        );
        const [job] = await store.listEgressJobs(ROOM.id);
        assert.deepEqual(
          [job?.egressId, job?.kind, job?.mode, job?.layout, job?.status],
          [started.egressIds[0], 'recording', 'composite', layout, 'starting'],
        );
        // Stop: the stored job is stopped by id, and the store has it ending.
        twirp.caught.length = 0;
        assert.deepEqual(await recorder.stop(ROOM.id, 'recording'), started.egressIds);
        const stop = twirp.caught.find((c) => c.method === 'StopEgress');
        assert.deepEqual(stop!.body, { egressId: started.egressIds[0] });
        assert.equal((await store.listEgressJobs(ROOM.id))[0]?.status, 'ending');
        assert.equal((await recorder.state(ROOM.id, true)).recording.active, false);
        assert.ok(!lines.join('\n').includes(SECRETS[kind].slice(0, 20)), 'no secret in the log');
        await store.close();
      });
    }

    test(`StartTrackEgress per published track, ${kind}`, async () => {
      twirp.caught.length = 0;
      const store = await storeWithRoom();
      const recorder = new Recorder(
        { destination: DESTINATIONS[kind] },
        twirp.url,
        { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
        store,
        quietLogger().logger,
        {},
      );
      const started = await recorder.start(ROOM, { mode: 'tracks', layout: 'spotlight' }, async () => [
        'TR_audio',
        'TR_video',
      ]);
      assert.equal(started.egressIds.length, 2);
      assert.equal(started.layout, null);
      const requests = twirp.caught
        .filter((c) => c.method === 'StartTrackEgress')
        .map((c) => TrackEgressRequest.fromJson(c.body as never));
      assert.deepEqual(requests.map((r) => r.trackId).sort(), ['TR_audio', 'TR_video']);
      for (const request of requests) {
        assert.equal(request.roomName, ROOM.id);
        assert.equal(request.output.case, 'file');
        const file = request.output.value as DirectFileOutput;
        assert.equal(file.filepath, 'STELLAR-PHOENIX/{time}-{publisher_identity}-{track_source}-{track_id}');
        assert.deepEqual(new DirectFileOutput({ output: file.output }).toJson(), EXPECTED_UPLOAD[kind]);
      }
      // A track published later gets its own job, once.
      await recorder.trackPublished(ROOM, 'TR_screen');
      await recorder.trackPublished(ROOM, 'TR_screen');
      assert.equal(twirp.caught.filter((c) => c.method === 'StartTrackEgress').length, 3);
      const jobs = await store.listEgressJobs(ROOM.id, 'recording');
      assert.deepEqual(jobs.map((job) => job.trackSid).sort(), ['TR_audio', 'TR_screen', 'TR_video']);
      await recorder.stop(ROOM.id, 'recording');
      assert.equal(twirp.caught.filter((c) => c.method === 'StopEgress').length, 3);
      await store.close();
    });
  }

  test('a second start while recording is a CONFLICT, not a second job — from another instance too', async () => {
    twirp.caught.length = 0;
    const store = await storeWithRoom();
    const recorder = new Recorder(
      { destination: DESTINATIONS.s3 },
      twirp.url,
      { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
      store,
      quietLogger().logger,
      {},
    );
    await recorder.start(ROOM, { mode: 'composite', layout: 'grid' }, async () => []);
    await assert.rejects(
      recorder.start(ROOM, { mode: 'composite', layout: 'grid' }, async () => []),
      (error: { code?: string }) => error.code === 'CONFLICT',
    );
    const secondInstance = new Recorder(
      { destination: DESTINATIONS.s3 },
      twirp.url,
      { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
      store,
      quietLogger().logger,
      {},
    );
    await assert.rejects(
      secondInstance.start(ROOM, { mode: 'composite', layout: 'grid' }, async () => []),
      (error: { code?: string }) => error.code === 'CONFLICT',
    );
    assert.equal(twirp.caught.filter((c) => c.method === 'StartRoomCompositeEgress').length, 1);
    await store.close();
  });

  test("the listing hosts see is Egress' own, with no credentials from the stored request", async () => {
    twirp.jobs.clear();
    twirp.listed.length = 0;
    twirp.listed.push({
      egressId: 'EG_done',
      roomName: ROOM.id,
      status: 'EGRESS_COMPLETE',
      startedAt: '1700000000000000000',
      endedAt: '1700000060000000000',
      roomComposite: {
        roomName: ROOM.id,
        layout: 'grid',
        fileOutputs: [
          { fileType: 'MP4', filepath: 'STELLAR-PHOENIX/{time}.mp4', s3: { bucket: 'calls', secret: SECRETS.s3 } },
        ],
      },
      fileResults: [{ filename: 'STELLAR-PHOENIX/2023-11-14T221320.mp4', location: 'https://calls.s3/x.mp4' }],
    });
    // An older job that failed, first seen in this listing: it must not pass for the latest one.
    const oldFailure = {
      egressId: 'EG_zz_old',
      roomName: ROOM.id,
      status: 'EGRESS_FAILED',
      error: 'pipeline frozen',
      startedAt: '1600000000000000000',
      endedAt: '1600000003000000000',
      roomComposite: { roomName: ROOM.id, layout: 'grid' },
    };
    const store = await storeWithRoom();
    const recorder = new Recorder(
      { destination: DESTINATIONS.s3 },
      twirp.url,
      { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
      store,
      quietLogger().logger,
      {},
    );
    const state = await recorder.state(ROOM.id, true, true);
    assert.equal(state.recording.active, false);
    assert.deepEqual(state.listing, {
      available: true,
      items: [
        {
          egressId: 'EG_done',
          mode: 'composite',
          destination: { kind: 's3', bucket: 'calls' },
          fileName: 'STELLAR-PHOENIX/2023-11-14T221320.mp4',
          location: 'https://calls.s3/x.mp4',
          startedAt: '2023-11-14T22:13:20.000Z',
          endedAt: '2023-11-14T22:14:20.000Z',
          status: 'complete',
          error: null,
        },
      ],
    });
    assert.ok(!JSON.stringify(state).includes(SECRETS.s3));
    // …and what it lists is kept in the store.
    const [kept] = await store.listEgressJobs(ROOM.id);
    assert.deepEqual([kept?.egressId, kept?.status, kept?.layout], ['EG_done', 'complete', 'grid']);
    // Another instance (its own listing cache) sees the old failure too; the latest job still completed.
    twirp.listed.push(oldFailure);
    const other = new Recorder(
      { destination: DESTINATIONS.s3 },
      twirp.url,
      { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
      store,
      quietLogger().logger,
      {},
    );
    assert.equal((await other.state(ROOM.id, true, true)).recording.failed, false, 'the latest job (2023) completed');
    twirp.listed.length = 0;
    await store.close();
  });
});

describe("the composite's encoding, as Egress receives it", () => {
  let twirp: Awaited<ReturnType<typeof fakeTwirp>>;
  before(async () => {
    twirp = await fakeTwirp();
  });
  after(() => new Promise<void>((resolve) => twirp.server.close(() => resolve())));

  /** Starts one composite recording with `encoding` and returns the request Egress got, as the SDK's type. */
  async function compositeRequest(encoding?: CompositeEncoding): Promise<RoomCompositeEgressRequest> {
    twirp.caught.length = 0;
    const store = await storeWithRoom();
    try {
      const recorder = new Recorder(
        { destination: DESTINATIONS.s3, ...(encoding ? { encoding } : {}) },
        twirp.url,
        { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
        store,
        quietLogger().logger,
        {},
      );
      await recorder.start(ROOM, { mode: 'composite', layout: 'spotlight' }, async () => []);
      const call = twirp.caught.find((c) => c.method === 'StartRoomCompositeEgress');
      return RoomCompositeEgressRequest.fromJson(call!.body as never);
    } finally {
      await store.close();
    }
  }

  test("none set: no options, so Egress' default (H.264 + AAC) applies", async () => {
    assert.equal((await compositeRequest()).options.case, undefined);
  });

  test('a preset is sent as the preset', async () => {
    const request = await compositeRequest({ preset: 'H264_1080P_30' });
    assert.equal(request.options.case, 'preset');
    assert.equal(request.options.value, EncodingOptionsPreset.H264_1080P_30);
  });

  test('Opus audio (for an Egress without AAC) is sent as advanced options, the rest left to Egress', async () => {
    const request = await compositeRequest({ audioCodec: 'opus', videoCodec: 'h264-main', width: 1920, height: 1080 });
    assert.equal(request.options.case, 'advanced');
    const options = request.options.value as EncodingOptions;
    assert.equal(options.audioCodec, AudioCodec.OPUS);
    assert.equal(options.videoCodec, VideoCodec.H264_MAIN);
    assert.equal(options.width, 1920);
    assert.equal(options.height, 1080);
    assert.equal(options.framerate, 0, 'unset: Egress fills its default');
    assert.equal(request.fileOutputs[0]?.fileType, EncodedFileType.MP4);
  });

  test('bad encodings fail at start-up, and the CLI reads preset and audio codec', () => {
    const make = (encoding: CompositeEncoding) => validateRecordingOptions({ destination: DESTINATIONS.s3, encoding });
    assert.throws(() => make({ preset: 'H264_4K' as never }), /preset must be one of/);
    assert.throws(() => make({ preset: 'H264_720P_30', audioCodec: 'opus' }), /not both/);
    assert.throws(() => make({ audioCodec: 'mp3' as never }), /"aac" or "opus"/);
    assert.throws(() => make({ width: -1 }), /positive whole number/);
    assert.deepEqual(
      recordingFromEnv({
        HASHDROP_RECORDING_DESTINATION: 's3',
        HASHDROP_RECORDING_BUCKET: 'calls',
        HASHDROP_RECORDING_AUDIO_CODEC: 'opus',
      })?.encoding,
      { audioCodec: 'opus' },
    );
    assert.throws(
      () =>
        recordingFromEnv({
          HASHDROP_RECORDING_DESTINATION: 's3',
          HASHDROP_RECORDING_BUCKET: 'calls',
          HASHDROP_RECORDING_PRESET: 'nope',
        }),
      /preset must be one of/,
    );
  });
});

describe("the recorder page, as Egress' custom base URL", () => {
  const PAGE = 'https://rooms.example.com/api/recorder/';
  const STREAM_URL = 'rtmps://live.example.com/app/stream-key-0123';
  let twirp: Awaited<ReturnType<typeof fakeTwirp>>;
  before(async () => {
    twirp = await fakeTwirp();
  });
  after(() => new Promise<void>((resolve) => twirp.server.close(() => resolve())));

  /** Starts a composite recording or a stream and returns the request Egress got, as the SDK's type. */
  async function startRequest(
    what: 'recording' | 'stream',
    recorderPage?: RecordingOptions['recorderPage'],
  ): Promise<RoomCompositeEgressRequest> {
    twirp.caught.length = 0;
    const store = await storeWithRoom();
    try {
      const recorder = new Recorder(
        { destination: DESTINATIONS.s3, encoding: { audioCodec: 'opus' }, ...(recorderPage ? { recorderPage } : {}) },
        twirp.url,
        { apiKey: 'devkey', apiSecret: 'twirp-api-secret-0123456789' },
        store,
        quietLogger().logger,
        {},
      );
      if (what === 'recording') await recorder.start(ROOM, { mode: 'composite', layout: 'grid' }, async () => []);
      else await recorder.startStream(ROOM, { url: STREAM_URL, layout: 'grid' });
      const calls = twirp.caught.filter((c) => c.method === 'StartRoomCompositeEgress');
      assert.equal(calls.length, 1);
      return RoomCompositeEgressRequest.fromJson(calls[0]!.body as never);
    } finally {
      await store.close();
    }
  }

  test('a composite recording carries the page, with its file output, layout and encoding', async () => {
    const request = await startRequest('recording', { url: PAGE, theme: 'light' });
    assert.equal(request.customBaseUrl, PAGE);
    assert.equal(request.layout, 'grid');
    assert.equal(request.fileOutputs.length, 1);
    assert.equal(request.fileOutputs[0]!.filepath, 'STELLAR-PHOENIX/{time}.mp4');
    assert.equal(request.options.case, 'advanced');
    assert.equal((request.options.value as EncodingOptions).audioCodec, AudioCodec.OPUS);
  });

  test("a live stream carries the page, with its RTMP output and layout, and Egress' default encoding", async () => {
    const request = await startRequest('stream', { url: PAGE });
    assert.equal(request.customBaseUrl, PAGE);
    assert.equal(request.layout, 'grid');
    assert.equal(request.fileOutputs.length, 0);
    assert.equal(request.streamOutputs.length, 1);
    assert.equal(request.streamOutputs[0]!.protocol, StreamProtocol.RTMP);
    assert.deepEqual(request.streamOutputs[0]!.urls, [STREAM_URL]);
    assert.equal(request.options.case, undefined, 'RTMP: H.264 + AAC, whatever recordings use');
  });

  for (const what of ['recording', 'stream'] as const) {
    test(`without recorderPage a ${what} sends no custom base URL (LiveKit's default template)`, async () => {
      const request = await startRequest(what);
      assert.equal(request.customBaseUrl, '');
      const start = twirp.caught.find((c) => c.method === 'StartRoomCompositeEgress');
      assert.ok(!('customBaseUrl' in (start!.body as object)), 'not in the body at all');
    });
  }
});

describe('recorderPage options', () => {
  const make = (recorderPage: unknown) =>
    validateRecordingOptions({
      destination: DESTINATIONS.s3,
      recorderPage: recorderPage as RecordingOptions['recorderPage'],
    });
  const env = { HASHDROP_RECORDING_DESTINATION: 's3', HASHDROP_RECORDING_BUCKET: 'calls' };

  test('an absolute http(s) URL with a known theme and language is accepted', () => {
    make({ url: 'https://rooms.example.com/api/recorder/', theme: 'light', lang: 'fr' });
    make({ url: 'http://hashdrop.internal:3000/api/recorder/', theme: 'dark', lang: 'en', assets: '/srv/cdn' });
  });

  test('a relative, malformed or non-http URL fails at start-up, saying what is expected', () => {
    for (const url of ['/api/recorder/', 'recorder', '', 'ws://rooms.example.com/api/recorder/', 'file:///tmp/x']) {
      assert.throws(() => make({ url }), /recorderPage\.url must be an absolute http\(s\) URL/, url);
    }
    assert.throws(() => make({}), /recorderPage\.url must be an absolute http\(s\) URL/);
  });

  test('an unknown theme or language fails at start-up, listing the choices', () => {
    assert.throws(() => make({ url: 'https://x.example/', theme: 'blue' }), /theme must be one of dark, light/);
    assert.throws(() => make({ url: 'https://x.example/', lang: 'it' }), /lang must be one of en, de, es, fr/);
  });

  test('the CLI reads HASHDROP_RECORDER_PAGE_URL, _THEME and _LANG', () => {
    assert.deepEqual(
      recordingFromEnv({
        ...env,
        HASHDROP_RECORDER_PAGE_URL: 'https://rooms.example.com/api/recorder/',
        HASHDROP_RECORDER_THEME: 'light',
        HASHDROP_RECORDER_LANG: 'de',
      })?.recorderPage,
      { url: 'https://rooms.example.com/api/recorder/', theme: 'light', lang: 'de' },
    );
    assert.equal(recordingFromEnv(env)?.recorderPage, undefined);
  });

  test('the CLI refuses a bad page URL, theme or language, and a theme without a URL', () => {
    assert.throws(() => recordingFromEnv({ ...env, HASHDROP_RECORDER_PAGE_URL: 'recorder/' }), /absolute http\(s\)/);
    assert.throws(
      () =>
        recordingFromEnv({ ...env, HASHDROP_RECORDER_PAGE_URL: 'https://x.example/', HASHDROP_RECORDER_LANG: 'it' }),
      /lang must be one of/,
    );
    assert.throws(
      () => recordingFromEnv({ ...env, HASHDROP_RECORDER_THEME: 'light' }),
      /need HASHDROP_RECORDER_PAGE_URL/,
    );
  });
});
