/**
 * A host's decision reaching a guest who long-polls another endpoint instance, on the real multi-instance topology
 * (scripts/topology.ts: two endpoint processes on one PostgreSQL, two LiveKit nodes on Redis): from sending the admit
 * to the guest's long-poll answer (with its signed token), decided on B while the guest waits on A, next to the same
 * figure with both on A. Rounds alternate, so both sides see the same machine load.
 */
import { startTopology } from '../scripts/topology.js';
import { admitAcross, openLobby } from '../test/e2e/topology-client.js';
import { percentile } from './bench-stack.js';

export interface CrossInstanceBench {
  rounds: number;
  crossInstance: { p50Ms: number; p95Ms: number; maxMs: number };
  sameInstance: { p50Ms: number; p95Ms: number; maxMs: number };
  /** cross-instance p95 / same-instance p95. */
  p95Ratio: number;
}

const summary = (samples: number[]) => ({
  p50Ms: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
  maxMs: Math.max(...samples),
});

export async function benchCrossInstance(rounds = 30): Promise<CrossInstanceBench> {
  // Many rooms and identities from one address in a short time: the per-IP limits are not what is measured.
  const topology = await startTopology({ endpointEnv: { HASHDROP_RATE_LIMIT: 'off' } });
  try {
    // One room per side, as a lobby admits guest after guest; an unmeasured round each opens the LiveKit room and
    // warms up connections.
    const lobbies = { B: await openLobby(topology), A: await openLobby(topology) };
    await admitAcross(topology, 'A', 'B', lobbies.B);
    await admitAcross(topology, 'A', 'A', lobbies.A);
    const cross: number[] = [];
    const same: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const [decideOn, samples] of [
        ['B', cross],
        ['A', same],
      ] as const) {
        const { ms, state } = await admitAcross(topology, 'A', decideOn, lobbies[decideOn]);
        if (state.status !== 'admitted') throw new Error(`round ${i}: ${JSON.stringify(state)}`);
        samples.push(ms);
      }
    }
    const crossInstance = summary(cross);
    const sameInstance = summary(same);
    return { rounds, crossInstance, sameInstance, p95Ratio: crossInstance.p95Ms / sameInstance.p95Ms };
  } finally {
    await topology.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCrossInstance(), null, 2));
}
