/**
 * A round-robin TCP proxy on 127.0.0.1, standing in for the load balancer an operator puts in front of several
 * endpoint instances or LiveKit nodes. Each new connection goes to the next upstream in turn; an upstream that refuses
 * the connection (stopped, killed) is skipped, as a load balancer's passive health check would. A connection stays on
 * its upstream until either side closes it.
 */
import { createServer, connect, type Socket } from 'node:net';
import { freePort } from './processes.js';

export interface TcpProxy {
  port: number;
  stop(): Promise<void>;
}

export async function startTcpProxy(upstreamPorts: readonly number[]): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let next = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  /** Connects to the first upstream, from the next in turn, that accepts; null when none does. */
  const connectUpstream = (tries: number): Promise<Socket | null> => {
    if (tries >= upstreamPorts.length) return Promise.resolve(null);
    const port = upstreamPorts[next++ % upstreamPorts.length]!;
    return new Promise((resolve) => {
      const upstream = connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        resolve(upstream);
      });
      upstream.once('error', () => {
        upstream.destroy();
        resolve(connectUpstream(tries + 1));
      });
    });
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => client.destroy());
    void connectUpstream(0).then((upstream) => {
      if (!upstream || client.destroyed) {
        upstream?.destroy();
        client.destroy();
        return;
      }
      track(upstream);
      upstream.on('error', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
