/**
 * Runs a synthetic crowd (synthetic-publishers.ts) in a process of its own, started by crowd.ts: options as JSON in
 * argv[2]; prints `ready` once every publisher is in, and stops when its stdin closes — which happens however the
 * parent ends, so the crowd never outlives a test run.
 * Own process because @livekit/rtc-node's joins stall inside Node's test runner process (dozens of joins took
 * minutes and timed out there, seconds in a plain process), and so the crowd's CPU is apart from the measured side.
 */
import { startCrowd, type CrowdOptions } from './synthetic-publishers.js';

const options = JSON.parse(process.argv[2] ?? '{}') as CrowdOptions;
try {
  const crowd = await startCrowd(options);
  process.stdin.on('close', () => void crowd.stop().then(() => process.exit(0)));
  process.stdin.resume();
  process.stdout.write(`ready ${crowd.identities.length}\n`);
} catch (error) {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
