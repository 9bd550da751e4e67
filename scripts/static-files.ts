/**
 * Serving built files from a folder (benchmarks, the plain-page and example tests) with sirv. Only files inside the
 * folder are served: sirv checks containment against the folder's path with its trailing separator, so a sibling
 * that shares the folder's name as a prefix (`dist-secret` beside `dist`) is outside it. Anything not served is 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export type StaticFiles = (request: IncomingMessage, response: ServerResponse) => void;

export function staticFiles(root: string): StaticFiles {
  // `dev`: files are looked up per request, so a build that finishes after the server started is served too.
  const serve = sirv(root, { dev: true, etag: false });
  return (request, response) =>
    serve(request, response, () => {
      response.writeHead(404).end('not found');
    });
}
