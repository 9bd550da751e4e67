/**
 * `npm run bench`: every benchmark, run in one process on this machine, reported as figures and as ratios against a
 * peer run side by side in the same run (LiveKit's React components on the same livekit-server; the versions that ran,
 * read from the installed packages, are printed and saved). Results also go to
 * test-results/bench.json. Needs the CDN build (`npm run build:cdn`) and, for the endpoint, the npm build (`npm run
 * build:npm`); builds the peer app itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { measureCdnBundle } from '../scripts/size.js';
import { benchAdmission } from './admission.js';
import { benchAudioStage, describeLoad } from './audio-stage.js';
import { benchBlur } from './blur.js';
import { benchCallLoad } from './call-load.js';
import { benchCrossInstance } from './cross-instance.js';
import { benchEndpoint } from './endpoint.js';
import { benchJoin, JOIN_STEPS, PRE_JOIN_DWELL_MS } from './join.js';
import { benchPageWeight } from './page-weight.js';
import { describeLiveKitReact, livekitReactVersions } from '../test/e2e/react-interop-peer.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const peer = livekitReactVersions();
const results: Record<string, unknown> = {
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  peer: { name: 'LiveKit React', ...peer },
};
if (['weight', 'join', 'call'].some(wanted)) console.log(`Peer: ${describeLiveKitReact(peer)}`);

if (wanted('size')) {
  const size = measureCdnBundle();
  results.size = size;
  console.log(`\n## Bundle (dist/cdn)`);
  console.log(
    `up front (entry + static imports): ${kb(size.upfront.minBytes)} min, ${kb(size.upfront.gzipBytes)} gzip`,
  );
  console.log(
    `whole bundle (${size.whole.files} files, incl. livekit-client): ${kb(size.whole.minBytes)} min, ${kb(size.whole.gzipBytes)} gzip`,
  );
}

if (wanted('weight')) {
  const weight = await benchPageWeight();
  results.pageWeight = weight;
  console.log(`\n## JavaScript loaded to show the pre-join screen`);
  console.log(
    `<hashdrop-room>:            ${kb(weight.hashdropPreJoin.minBytes)} min, ${kb(weight.hashdropPreJoin.gzipBytes)} gzip (${weight.hashdropPreJoin.files} files)`,
  );
  console.log(
    `LiveKit React ${peer.componentsReact} PreJoin app:  ${kb(weight.peerPreJoin.minBytes)} min, ${kb(weight.peerPreJoin.gzipBytes)} gzip (${weight.peerPreJoin.files} files)`,
  );
  console.log(`ratio (gzip): ${(weight.hashdropPreJoin.gzipBytes / weight.peerPreJoin.gzipBytes).toFixed(2)}`);
  const { hashdropInCall: inCall, peerInCall } = weight;
  console.log(`\n## JavaScript a guest's page has loaded in a call (network idle)`);
  console.log(`<hashdrop-room>:   ${kb(inCall.minBytes)} min, ${kb(inCall.gzipBytes)} gzip (${inCall.files} files)`);
  console.log(
    `LiveKit React ${peer.componentsReact} VideoConference app: ${kb(peerInCall.minBytes)} min, ${kb(peerInCall.gzipBytes)} gzip (${peerInCall.files} files)`,
  );
  console.log(`ratio (gzip): ${(inCall.gzipBytes / peerInCall.gzipBytes).toFixed(2)}`);
  console.log('<hashdrop-room> files by gzip size:');
  for (const chunk of inCall.chunks)
    console.log(`  ${kb(chunk.gzipBytes).padStart(9)}  ${kb(chunk.minBytes).padStart(9)} min  ${chunk.file}`);
  const host = weight.hashdropHostInCall;
  console.log(
    `The same call as its host (host panel, invite, QR code): ${kb(host.minBytes)} min, ${kb(host.gzipBytes)} gzip (${host.files} files), ${(host.gzipBytes / peerInCall.gzipBytes).toFixed(2)} of the peer`,
  );
}

if (wanted('join')) {
  const join = await benchJoin();
  results.join = join;
  console.log(`\n## Join click → first decoded remote video frame (median of ${join.trials}, alternating)`);
  console.log(`<hashdrop-room>:                      ${ms(join.hashdropMedianMs)}`);
  console.log(`LiveKit React ${peer.componentsReact} PreJoin+VideoConference: ${ms(join.peerMedianMs)}`);
  console.log(`ratio: ${join.ratio.toFixed(2)}`);
  console.log(
    `floor, bare livekit-client connect() → first remote frame: ${ms(join.floorMedianMs)} cold, ` +
      `${ms(join.warmFloorMedianMs)} with its Room made and the address warmed ${PRE_JOIN_DWELL_MS / 1000} s before`,
  );
  console.log(
    `ratio to the warm floor: ${(join.hashdropMedianMs / join.warmFloorMedianMs).toFixed(2)} (ours), ${(join.peerMedianMs / join.warmFloorMedianMs).toFixed(2)} (peer)`,
  );
  console.log('steps after the click, p50 (ours / peer):');
  for (const step of JOIN_STEPS) {
    const [ours, theirs] = [join.hashdropSteps[step], join.peerSteps[step]];
    console.log(`  ${step.padEnd(18)} ${ours === null ? '–' : ms(ours)} / ${theirs === null ? '–' : ms(theirs)}`);
  }
  console.log(
    "after the credentials are in the page, p50 (ours / the warm floor / that floor with an app's load: adaptive stream, " +
      'camera and microphone open; the floors from their connect()):',
  );
  const or = (value: number | null) => (value === null ? '–' : ms(value));
  for (const step of JOIN_STEPS.slice(2)) {
    const [ours, floor, appLike] = [
      join.hashdropStepsAfterCredentials[step],
      join.warmFloorSteps[step],
      join.appLikeFloorSteps[step],
    ];
    console.log(`  ${step.padEnd(18)} ${or(ours)} / ${or(floor)} / ${or(appLike)}`);
  }
}

if (wanted('admission')) {
  const admission = await benchAdmission(20);
  results.admission = admission;
  const step = (f: { p50Ms: number | null; p95Ms: number | null }) =>
    f.p50Ms === null ? 'not seen' : `p50 ${ms(f.p50Ms)}, p95 ${ms(f.p95Ms!)}`;
  console.log(`\n## Admission: host clicks Admit → guest in-room (${admission.admissions} admissions)`);
  console.log(`p50 ${ms(admission.p50Ms)}, p95 ${ms(admission.p95Ms)}`);
  console.log('after the click on Admit:');
  for (const [name, f] of Object.entries(admission.steps)) console.log(`  ${name.padEnd(18)} ${step(f)}`);
  console.log(`slowest step: ${admission.slowestStep}`);
  console.log('floor, bare livekit-client Room.connect() in the same browser, after connect() is called, cold:');
  for (const [name, f] of Object.entries(admission.floor)) console.log(`  ${name.padEnd(18)} ${step(f)}`);
  console.log('… and warm (its Room made and the address warmed as long before as the guest waited):');
  for (const [name, f] of Object.entries(admission.warmFloor)) console.log(`  ${name.padEnd(18)} ${step(f)}`);
}

if (wanted('cluster')) {
  const cluster = await benchCrossInstance(30);
  results.crossInstance = cluster;
  const side = (s: typeof cluster.crossInstance) =>
    `p50 ${s.p50Ms.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`;
  console.log(
    `\n## Decision → waiting guest's long-poll answer, two instances on PostgreSQL (${cluster.rounds} rounds each, alternating)`,
  );
  console.log(`decided on B, guest waits on A (LISTEN/NOTIFY): ${side(cluster.crossInstance)}`);
  console.log(`decided on A, guest waits on A (in-process):    ${side(cluster.sameInstance)}`);
  console.log(`ratio (p95): ${cluster.p95Ratio.toFixed(2)}`);
}

if (wanted('endpoint')) {
  const against = process.env.HASHDROP_BENCH_AGAINST;
  const rounds = Number(process.env.HASHDROP_BENCH_ROUNDS) || undefined;
  const endpoint = await benchEndpoint({
    ...(against ? { against } : {}),
    ...(rounds ? { rounds, joins: rounds * 1000 } : {}),
  });
  results.endpoint = endpoint;
  console.log(`\n## Endpoint: POST /rooms/{code}/join, SQLite, loopback (${endpoint.requests} joins)`);
  console.log(
    `${endpoint.joinsPerSecond.toFixed(0)} joins/s, p50 ${endpoint.p50Ms.toFixed(1)} ms, p99 ${endpoint.p99Ms.toFixed(1)} ms`,
  );
  if (endpoint.serverCpuUsPerJoin !== null)
    console.log(
      `endpoint CPU per join: ${endpoint.serverCpuUsPerJoin.toFixed(0)} µs (median of ${endpoint.rounds.length} rounds)`,
    );
  const floor = endpoint.floor;
  const floorName = against
    ? `${against}, beside it on the same database`
    : 'floor, bare node:http answering the same requests with the same bytes';
  console.log(
    `${floorName}: ${floor.requestsPerSecond} requests/s, ` +
      `p50 ${floor.p50Ms.toFixed(1)} ms, p99 ${floor.p99Ms.toFixed(1)} ms` +
      (floor.serverCpuUsPerRequest === null ? '' : `, ${floor.serverCpuUsPerRequest} µs of server CPU per request`),
  );
  if (endpoint.ratioToFloor !== null) {
    const byRound = endpoint.rounds.map((round) => `${round.endpointUs}/${round.floorUs}`).join(', ');
    console.log(
      `endpoint CPU per join ÷ ${against ? 'the other build' : "the floor's"}, median of the rounds: ` +
        `${endpoint.ratioToFloor} (µs by round: ${byRound})`,
    );
  }
  console.log(`load generator CPU per join: ${endpoint.clientCpuUsPerJoin} µs`);
}

if (wanted('blur')) {
  const blur = await benchBlur();
  results.blur = blur;
  console.log(
    `\n## Background blur: Chromium's CPU per second of camera video (pre-join preview, ${blur.seconds} s each)`,
  );
  console.log(
    `camera as it is: ${blur.plainCpuPerSecond.toFixed(2)} CPU s/s, ${blur.plainFps.toFixed(1)} frames/s shown`,
  );
  console.log(
    `blurred:         ${blur.blurCpuPerSecond.toFixed(2)} CPU s/s, ${blur.blurFps.toFixed(1)} frames/s shown`,
  );
  console.log(
    `blur costs:      ${(blur.blurCpuPerSecond - blur.plainCpuPerSecond).toFixed(2)} CPU s per second of video`,
  );
}

if (wanted('call')) {
  const call = await benchCallLoad();
  results.call = call;
  const side = (s: typeof call.hashdrop) =>
    `${s.busyMsPerSecond.toFixed(0)} ms/s main thread (${s.scriptMsPerSecond.toFixed(0)} script), ` +
    `${s.heapMb.toFixed(1)} MB heap, ${kb(s.bytesPerSecond)}/s in, ${s.flowingVideo.toFixed(0)} of ` +
    `${s.videoStreams.toFixed(0)} videos decoding`;
  console.log(
    `\n## In a call with ${call.publishers} others (mean of ${call.rounds} alternating ${call.windowMs / 1000} s windows)`,
  );
  console.log(`<hashdrop-room>:             ${side(call.hashdrop)}`);
  console.log(`LiveKit React ${peer.componentsReact} VideoConference: ${side(call.peer)}`);
  console.log(
    `ratios: CPU ${call.ratios.cpu.toFixed(2)}, heap ${call.ratios.heap.toFixed(2)}, bytes ${call.ratios.bytes.toFixed(2)}`,
  );
}

if (wanted('stage')) {
  const stage = await benchAudioStage();
  results.audioStage = stage;
  console.log(`\n## Audio-only stage: 1 host, ${stage.listeners} listeners joined through the endpoint`);
  console.log(
    `joins: ${stage.joinsPerSecond} /s (${stage.joinSeconds} s in all); held ${stage.holdSeconds} s, ${stage.disconnects} disconnects`,
  );
  console.log(describeLoad('endpoint process', stage.endpoint));
  if (stage.livekit) console.log(describeLoad('livekit-server', stage.livekit));
}

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\n(test-results/bench.json)');
