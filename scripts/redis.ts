/**
 * A throwaway Redis for a LiveKit cluster: Debian's `redis-server` on 127.0.0.1 and a free port, nothing persisted,
 * stopped with us (see processes.ts). `.ci/run` installs the package when it is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnGuarded, waitFor } from './processes.js';

export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

export interface RedisServer {
  /** `127.0.0.1:PORT`, as LiveKit's `redis.address` wants it. */
  address: string;
  port: number;
  /** One command, answered in Redis' wire format (RESP); enough for tests to look into LiveKit's routing. */
  command(...args: string[]): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdrop-redis-'));
  const port = await freePort();
  const child = spawnGuarded(
    REDIS_SERVER_BIN,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { logFile: join(dir, 'redis.log') },
  );
  const command = (...args: string[]) => redisCommand(port, args);
  await waitFor(`redis-server (log: ${join(dir, 'redis.log')})`, async () => (await command('PING')) === 'PONG', {
    failed: child.exited,
  });
  return {
    address: `127.0.0.1:${port}`,
    port,
    command,
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends one command and reads a simple string, error, integer or bulk string reply. */
function redisCommand(port: number, args: string[]): Promise<string | null> {
  const request = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('redis did not answer')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n');
      if (end < 0) return;
      const [type, head] = [buffer[0], buffer.slice(1, end)];
      if (type === '$') {
        const length = Number(head);
        if (length < 0) return finish(null);
        if (buffer.length < end + 2 + length) return;
        return finish(buffer.slice(end + 2, end + 2 + length));
      }
      if (type === '-') return fail(new Error(head));
      finish(head);
    });
    const finish = (value: string | null) => {
      socket.end();
      resolve(value);
    };
    const fail = (error: Error) => {
      socket.end();
      reject(error);
    };
  });
}
