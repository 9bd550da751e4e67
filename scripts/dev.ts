/**
 * `npm start`: livekit-server + the rooms endpoint (SQLite in .cache/demo.db) + the demo site, on one printed URL.
 * Ctrl-C stops everything (livekit-server dies with us even if we are killed; see processes.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { startStack } from './stack.js';

const port = Number(process.env.PORT ?? 5173);
mkdirSync('.cache', { recursive: true });
// Anonymous identities are signed with this secret; keeping it across restarts keeps hosts hosts.
const secretFile = '.cache/demo-secret';
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
process.env.HASHDROP_SECRET ??= readFileSync(secretFile, 'utf8').trim();
const stack = await startStack({
  port,
  database: process.env.DATABASE_URL ?? process.env.HASHDROP_DB ?? '.cache/demo.db',
});
console.log(`
  HashDrop Rooms demo   ${stack.url}/
  Embed builder         ${stack.url}/embed
  Endpoint              ${stack.url}/api  (LiveKit at ${stack.livekit.url}${stack.livekit.external ? ', from the environment' : ''})

  Open the room link in two browser windows to make a call. Ctrl-C stops everything.
`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
