/** Serving built files from a folder (benchmarks and the plain-page tests), with no path escaping the folder. */
import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export async function serveFile(root: string, pathname: string, response: ServerResponse): Promise<void> {
  const base = resolve(root);
  const file = normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  // Containment by path, not by string prefix: `/srv/dist` is a prefix of `/srv/dist-secret` too.
  if (!isInside(base, file)) {
    response.writeHead(403).end('forbidden');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
}

/** Whether `file` is `base` itself or below it. */
export function isInside(base: string, file: string): boolean {
  const path = relative(base, file);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}
