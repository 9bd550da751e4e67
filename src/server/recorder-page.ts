/**
 * The recorder page: what LiveKit Egress' headless Chrome opens for a composite recording or live stream when
 * `recording.recorderPage.url` is set (Egress' "custom template"). Egress opens
 * `{url}?layout=…&url=<LiveKit URL>&token=<recorder token>`; the page loads the CDN bundle, whose
 * `<hashdrop-recorder egress>` reads those three from the query string, joins hidden and subscribe-only, renders our
 * stage and logs Egress' `START_RECORDING` / `END_RECORDING` signals.
 *
 * Served in front of the router (the API table describes JSON operations on one-segment parameters; this is an HTML
 * page and a folder of scripts):
 * - `GET {basePath}/recorder` → 308 to `{basePath}/recorder/`, query kept: the page's script URL is relative.
 * - `GET {basePath}/recorder/` → the page.
 * - `GET {basePath}/recorder/<file>` → a `.js` or `.map` file of the CDN build, by its exact listed name.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from './errors.js';
import type { Logger } from './logger.js';
import type { RecorderPageOptions } from './recording/config.js';
import { rawPath } from './router.js';

/** Answers a recorder page request, or null when the request is not for the page (the router answers it). */
export type RecorderPageRoute = (request: Request) => Promise<Response | null>;

const BACKGROUNDS = { dark: '#0f1115', light: '#ffffff' } as const;

/** What may be served from the folder, and as what. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** Names the page can ask for: plain path segments, none hidden, so a listed name never needs percent-encoding. */
const SERVABLE_NAME = /^(?:[A-Za-z0-9_-][\w.-]*\/)*[A-Za-z0-9_-][\w.-]*\.(?:js|map)$/;

/** Bounds on the folder walk: the CDN build is an entry and one `chunks/` folder, a few dozen files. */
const MAX_DEPTH = 3;
const MAX_FILES = 2000;
/** A name that is not listed re-lists the folder at most this often (a rebuild renames the chunks). */
const RELIST_AFTER_MS = 5000;

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The page's URL carries a LiveKit token: no cache keeps it, no referrer passes it on.
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

/**
 * Where the CDN build is when the operator names no folder, tried in order. From this module's URL: `../../cdn/` in
 * the installed package (dist/npm/server/recorder-page.js → dist/cdn), `../../dist/cdn/` in a source checkout run
 * with tsx (src/server/recorder-page.ts → dist/cdn).
 */
export function defaultAssetFolders(): string[] {
  // Not `new URL('<literal>', import.meta.url)`: the bundler would take a literal for an asset to copy into the build.
  return ['../../cdn/', '../../dist/cdn/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
}

export function createRecorderPage(
  options: Partial<RecorderPageOptions>,
  basePath: string,
  logger: Logger,
): RecorderPageRoute {
  const prefix = `${basePath}/recorder`;
  const page = pageHtml(options.theme ?? 'dark', options.lang ?? 'en');
  const folder = new AssetFolder(options.assets ? [resolve(options.assets)] : defaultAssetFolders(), logger);

  return async (request) => {
    const path = rawPath(request);
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
    if (request.method !== 'GET') throw new ApiError('METHOD_NOT_ALLOWED', 'Use GET here.', { allow: 'GET' });
    if (path === prefix) {
      // Egress appends its query to whatever URL is configured; keep it, and add the slash the page needs.
      const location = `${prefix}/${new URL(request.url).search}`;
      return new Response(null, { status: 308, headers: { location, 'cache-control': 'no-store' } });
    }
    const name = path.slice(prefix.length + 1);
    if (name === '') {
      await folder.files();
      return new Response(page, { status: 200, headers: PAGE_HEADERS });
    }
    // The raw name is compared with the listing as it is: nothing is decoded or joined onto a path, so `..`, encoded
    // or not, and absolute names match nothing.
    const file = await folder.find(name);
    if (!file) throw new ApiError('NOT_FOUND', 'No such file.');
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[file.extension]!,
        'x-content-type-options': 'nosniff',
        // Chunk names carry a content hash; the entry's name does not.
        'cache-control': name.startsWith('chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
    });
  };
}

function pageHtml(theme: 'dark' | 'light', lang: string): string {
  const background = BACKGROUNDS[theme];
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>HashDrop Rooms recorder</title>
    <style>
      html, body { margin: 0; width: 100%; height: 100%; overflow: hidden; background: ${background}; color-scheme: ${theme}; }
      hashdrop-recorder { display: block; width: 100%; height: 100%; }
    </style>
    <script type="module" src="hashdrop.js"></script>
  </head>
  <body>
    <hashdrop-recorder egress theme="${theme}" lang="${lang}"></hashdrop-recorder>
  </body>
</html>
`;
}

/**
 * The CDN build's folder, listed once (and again when a name is missing, at most every 5 s): only regular files
 * listed under names the page can ask for are ever read, so no request names a path of its own.
 */
class AssetFolder {
  #listing: { at: number; root: string; files: Set<string> } | null = null;
  #warned = false;

  constructor(
    private readonly candidates: string[],
    private readonly logger: Logger,
  ) {}

  /** The listed names; `RECORDER_UNAVAILABLE` when no candidate folder holds a `hashdrop.js`. */
  async files(): Promise<Set<string>> {
    return (this.#listing ?? (await this.#list())).files;
  }

  async find(name: string): Promise<{ bytes: Buffer; extension: string } | null> {
    if (!SERVABLE_NAME.test(name)) return null;
    let listing = this.#listing ?? (await this.#list());
    if (!listing.files.has(name) && Date.now() - listing.at >= RELIST_AFTER_MS) listing = await this.#list();
    if (!listing.files.has(name)) return null;
    try {
      const bytes = await readFile(join(listing.root, ...name.split('/')));
      return { bytes, extension: name.slice(name.lastIndexOf('.')) };
    } catch {
      this.#listing = null; // gone since the listing (a rebuild): list again next time
      return null;
    }
  }

  async #list(): Promise<{ at: number; root: string; files: Set<string> }> {
    for (const root of this.candidates) {
      const files = await listFiles(root);
      if (files?.has('hashdrop.js')) {
        this.#listing = { at: Date.now(), root, files };
        return this.#listing;
      }
    }
    this.#listing = null;
    if (!this.#warned) {
      this.#warned = true;
      this.logger.warn('recorder page: no CDN build found; run npm run build:cdn', { looked: this.candidates });
    }
    throw new ApiError(
      'RECORDER_UNAVAILABLE',
      'The recorder page has no scripts to serve: build the CDN bundle (npm run build:cdn) or set recorderPage.assets.',
    );
  }
}

/** Regular files (not links) with a servable name under `root`, by their `/`-separated relative name; null if absent. */
async function listFiles(root: string): Promise<Set<string> | null> {
  if (!isAbsolute(root)) return null;
  const files = new Set<string>();
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (files.size >= MAX_FILES) return;
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.')) {
        await walk(join(folder, entry.name), `${name}/`, depth + 1);
      } else if (entry.isFile() && SERVABLE_NAME.test(name)) {
        files.add(name);
      }
    }
  };
  try {
    await walk(root, '', 1);
  } catch {
    return null;
  }
  return files;
}
