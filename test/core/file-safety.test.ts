/**
 * The decision every chat file goes through (src/core/file-safety.ts): which type its object URL may carry, whether it
 * may be previewed, and the name that is shown and offered for download.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  claimedImageType,
  isPreviewable,
  MAX_FILE_NAME,
  OPAQUE_TYPE,
  safeFileName,
  safeFileType,
} from '../../src/core/file-safety.js';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

const HEADS: Record<string, Uint8Array> = {
  'image/png': bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'),
  'image/gif': bytes('GIF89a', [1, 0, 1, 0]),
  'image/webp': bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 '),
  'image/avif': bytes([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'),
};
const HTML = bytes('<!doctype html><script>alert(1)</script>');
const SVG = bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

describe('safeFileType: only a verified inert raster image keeps an image type', () => {
  for (const [type, head] of Object.entries(HEADS)) {
    it(`keeps ${type} when the bytes are a ${type}`, () => {
      assert.equal(safeFileType(type, head), type);
    });
  }

  it('accepts AVIF named as a compatible brand (major brand mif1)', () => {
    assert.equal(safeFileType('image/avif', bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1avif')), 'image/avif');
  });

  it('gives HTML, SVG, XML, script and every other type application/octet-stream, whatever the bytes', () => {
    for (const type of [
      'text/html',
      'TEXT/HTML; charset=utf-8',
      'image/svg+xml',
      'application/xhtml+xml',
      'application/xml',
      'text/xml',
      'text/javascript',
      'application/pdf',
      'text/plain',
      'image/x-icon',
      'image/bmp',
      'image/tiff',
      'multipart/x-mixed-replace',
      '',
      'nonsense',
    ]) {
      assert.equal(safeFileType(type, HTML), OPAQUE_TYPE, type);
      assert.equal(safeFileType(type, HEADS['image/png']!), OPAQUE_TYPE, `${type} with PNG bytes`);
    }
    assert.equal(safeFileType(undefined, HTML), OPAQUE_TYPE);
    assert.equal(safeFileType(42, HTML), OPAQUE_TYPE);
  });

  it('never types an SVG as an image, even claimed as image/png (magic number mismatch)', () => {
    assert.equal(safeFileType('image/svg+xml', SVG), OPAQUE_TYPE);
    assert.equal(safeFileType('image/png', SVG), OPAQUE_TYPE);
  });

  it('refuses an image type whose bytes are another image or nothing (the claim must match the magic number)', () => {
    assert.equal(safeFileType('image/png', HEADS['image/jpeg']!), OPAQUE_TYPE);
    assert.equal(safeFileType('image/gif', HEADS['image/webp']!), OPAQUE_TYPE);
    assert.equal(safeFileType('image/webp', bytes('RIFF', [0, 0, 0, 0], 'WAVE')), OPAQUE_TYPE);
    assert.equal(safeFileType('image/avif', bytes([0, 0, 0, 20], 'ftypisom', [0, 0, 0, 0], 'isom')), OPAQUE_TYPE);
    assert.equal(safeFileType('image/png', new Uint8Array(0)), OPAQUE_TYPE);
    assert.equal(safeFileType('image/jpeg', HTML), OPAQUE_TYPE);
  });

  it('normalises the claim: case, parameters and image/jpg', () => {
    assert.equal(safeFileType('IMAGE/PNG; x=1', HEADS['image/png']!), 'image/png');
    assert.equal(safeFileType('image/jpg', HEADS['image/jpeg']!), 'image/jpeg');
    assert.equal(claimedImageType('text/html'), OPAQUE_TYPE);
    assert.equal(claimedImageType(' Image/GIF '), 'image/gif');
  });
});

describe('isPreviewable', () => {
  it('is true only for the five inert raster types, never SVG', () => {
    for (const type of Object.keys(HEADS)) assert.equal(isPreviewable(type), true, type);
    for (const type of [
      'image/svg+xml',
      'IMAGE/PNG',
      'image/png;x',
      'text/html',
      'image/x-icon',
      '',
      null,
      'toString',
    ]) {
      assert.equal(isPreviewable(type), false, String(type));
    }
  });
});

describe('safeFileName', () => {
  it('removes every bidi control, so "invoice\\u202efdp.html" shows its real .html', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    const name = safeFileName(`invoice${bidi}fdp.html`);
    assert.equal(name.name, 'invoicefdp.html');
    assert.equal(name.extension, '.html');
    assert.equal(name.stem, 'invoicefdp');
  });

  it('removes zero-width, invisible and format characters', () => {
    const invisible = '\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f\u3164\ufe0f\u{e0041}';
    assert.equal(safeFileName(`re${invisible}port.pdf`).name, 'report.pdf');
  });

  it('removes C0 and C1 controls and line separators, and collapses whitespace', () => {
    assert.equal(safeFileName('a\u0000b\u0007c\u001b[31m\u007f\u0085\u009bd\u2028e\u2029.txt').name, 'abc[31mde.txt');
    assert.equal(safeFileName('a\t\n  \u00a0\u3000b.txt').name, 'a b.txt');
    assert.equal(safeFileName('invoice.pdf                                   .exe').name, 'invoice.pdf.exe');
  });

  it('removes path separators and leading dots', () => {
    const name = safeFileName('../../etc/passwd').name;
    assert.doesNotMatch(name, /[/\\]/);
    assert.doesNotMatch(name, /^\./);
    assert.equal(safeFileName('C:\\Users\\me\\.bashrc').name, 'C:_Users_me_.bashrc');
    assert.equal(safeFileName('.htaccess').name, 'htaccess');
  });

  it('folds look-alike dots, so a fullwidth or leader dot extension is a real one', () => {
    assert.equal(safeFileName('invoice.pdf\u2024exe').extension, '.exe');
    assert.equal(safeFileName('invoice\uff0ehtml').extension, '.html');
  });

  it(`caps the length at ${MAX_FILE_NAME} characters and keeps the extension`, () => {
    const name = safeFileName(`${'x'.repeat(500)}.html`);
    assert.equal([...name.name].length, MAX_FILE_NAME);
    assert.ok(name.name.endsWith('….html'), name.name);
    assert.equal(name.extension, '.html');
    const emoji = safeFileName(`${'😀'.repeat(200)}.png`).name;
    assert.equal([...emoji].length, MAX_FILE_NAME, 'counted in characters; no surrogate pair is split');
    assert.doesNotMatch(emoji, /\p{Cs}/u);
  });

  it('has a name for names that are nothing, and is idempotent', () => {
    assert.equal(safeFileName('').name, 'file');
    assert.equal(safeFileName('\u202e\u200b').name, 'file');
    assert.equal(safeFileName(undefined).name, 'file');
    for (const raw of ['invoice\u202efdp.html', `${'y'.repeat(300)}.tar.gz`, ' a . b ', 'résumé.pdf', 'файл.docx']) {
      const once = safeFileName(raw).name;
      assert.equal(safeFileName(once).name, once, raw);
    }
  });

  it('keeps ordinary names as they are', () => {
    for (const raw of ['report.pdf', 'Holiday photo 2.jpeg', 'résumé.pdf', 'файл.docx', 'מסמך.txt', 'notes']) {
      assert.equal(safeFileName(raw).name, raw);
    }
  });
});
