/**
 * What a chat file may be on this page. A file comes from another participant (or from disk) and its type and name
 * are whatever the sender said: typed `text/html` or `image/svg+xml`, its object URL would run the sender's script on
 * the embedding page's origin. So a file is typed only as one of a few inert raster image types, and only when its
 * first bytes are that image; everything else is `application/octet-stream`, which a browser downloads rather than
 * shows. Names lose what could disguise them (bidi overrides, invisible and control characters, paths). Pure: no DOM.
 */

/** The type every file that is not a verified inert image gets: downloaded, never rendered. */
export const OPAQUE_TYPE = 'application/octet-stream';

/** How many leading bytes `safeFileType` looks at. */
export const SNIFF_BYTES = 64;

/** The longest name shown or used for a download, in characters (the extension is kept). */
export const MAX_FILE_NAME = 100;

const bytesOf = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const at = (head: Uint8Array, offset: number, expected: number[]) => expected.every((b, i) => head[offset + i] === b);
const ascii = (head: Uint8Array, offset: number, text: string) => at(head, offset, bytesOf(text));

/** AVIF: an ISO-BMFF `ftyp` box naming `avif` or `avis` as its major or a compatible brand. */
function isAvif(head: Uint8Array): boolean {
  if (!ascii(head, 4, 'ftyp')) return false;
  const box = Math.min(head.length, ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0);
  for (let offset = 8; offset + 4 <= box; offset += offset === 8 ? 8 : 4) {
    if (ascii(head, offset, 'avif') || ascii(head, offset, 'avis')) return true;
  }
  return false;
}

/** The inert raster types that may be previewed, each with the check of its magic number. */
const IMAGES: Record<string, (head: Uint8Array) => boolean> = {
  'image/png': (h) => at(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (h) => at(h, 0, [0xff, 0xd8, 0xff]),
  'image/gif': (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a'),
  'image/webp': (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP'),
  'image/avif': isAvif,
};

/** The claimed type, lower-cased and without parameters, if it is an inert image type; else `OPAQUE_TYPE`. */
export function claimedImageType(mimeType: unknown): string {
  const type = typeof mimeType === 'string' ? mimeType.split(';')[0]!.trim().toLowerCase() : '';
  const canonical = type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
  return Object.hasOwn(IMAGES, canonical) ? canonical : OPAQUE_TYPE;
}

/** Whether a type may be shown inline (`<img>`): exactly one of the inert raster types. Never SVG. */
export function isPreviewable(mimeType: unknown): boolean {
  return typeof mimeType === 'string' && Object.hasOwn(IMAGES, mimeType);
}

/**
 * The only type a file's object URL may carry: the claimed image type when `head` (the file's first bytes) starts
 * with that image's magic number, else `OPAQUE_TYPE`.
 */
export function safeFileType(claimed: unknown, head: Uint8Array): string {
  const type = claimedImageType(claimed);
  return type !== OPAQUE_TYPE && IMAGES[type]!(head) ? type : OPAQUE_TYPE;
}

/**
 * Controls (C0, DEL, C1), format characters (bidi embeddings, overrides, isolates and marks, zero-width characters,
 * the BOM, soft hyphen…), private-use, unassigned and lone surrogate code points, line and paragraph separators, and
 * everything else Unicode says draws as nothing (Hangul fillers, the combining grapheme joiner, variation selectors).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

export interface SafeFileName {
  /** The whole name: `stem + extension`. */
  name: string;
  /** The name without its extension (possibly shortened, ending in "…"). */
  stem: string;
  /** The real extension with its dot (`.html`), or "" when there is none. */
  extension: string;
}

/**
 * A file name safe to show and to offer as a download name: compatibility forms folded (a fullwidth or leader dot
 * becomes "."), invisible and control characters removed, path
 * separators replaced, whitespace collapsed, no leading dots, at most `MAX_FILE_NAME` characters with the real
 * extension (the text after the last dot) kept when it is shortened. Idempotent.
 */
export function safeFileName(raw: unknown): SafeFileName {
  const name = (typeof raw === 'string' ? raw : '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[/\\]/g, '_')
    .replace(/[\s\u2800]+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const match = /\.([a-z0-9]{1,10})$/i.exec(name);
  const extension = match ? match[0] : '';
  let stem = [...name.slice(0, name.length - extension.length).trimEnd()];
  const room = MAX_FILE_NAME - extension.length;
  if (stem.length > room)
    stem = [
      ...stem
        .slice(0, room - 1)
        .join('')
        .trimEnd(),
      '…',
    ];
  const shown = stem.join('') || 'file';
  return { name: shown + extension, stem: shown, extension };
}
