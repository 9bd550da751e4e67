/** Makes sure the pinned livekit-server is available (finds it or builds it with `go install`) and says where. */
import { spawnSync } from 'node:child_process';
import { findLiveKitBinary } from './livekit.js';

const binary = findLiveKitBinary((line) => console.log(line));
const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`[livekit] using ${binary} (${version})`);
