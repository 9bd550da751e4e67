/** The CDN build's check that a string moved into a lazy chunk is shown only where that chunk is loaded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { misplacedStrings, type ChunkCode } from '../../scripts/string-homes.js';

const HOST_CATALOG = /[\\/]src[\\/]i18n[\\/]en-host\.ts$/;

function chunk(fileName: string, code: string, imports: string[] = [], moduleIds: string[] = []): ChunkCode {
  return { fileName, code, imports, moduleIds };
}

const host = chunk('host.js', 'e.t(`host.title`);e.t(`recording.${s}`)', ['call.js'], ['/r/src/i18n/en-host.ts']);
const homes = [{ module: HOST_CATALOG, keys: ['host.title', 'recording.badge', 'recording.start'] }];

test('strings shown by their home chunk, or by a chunk that imports it, are at home', () => {
  const panel = chunk('panel.js', 'e.t("host.title")', ['glue.js']);
  const glue = chunk('glue.js', '', ['host.js']);
  assert.deepEqual(misplacedStrings([host, panel, glue, chunk('call.js', 'e.t(`controls.chat`)')], homes), []);
});

test('a string spelled out in a chunk without its home is reported, in any quotes', () => {
  for (const quoted of ['`host.title`', "'host.title'", '"host.title"']) {
    const call = chunk('call.js', `e.t(${quoted})`);
    assert.deepEqual(misplacedStrings([host, call], homes), ['host.title: call.js']);
  }
});

test('a string built from pieces in a chunk without its home is reported', () => {
  const head = chunk('call.js', 'e.t(`recording.${s}`)');
  assert.deepEqual(misplacedStrings([host, head], homes), ['recording.badge: call.js', 'recording.start: call.js']);
  const tail = chunk('extras.js', 'e.t(`${kind}.badge`)');
  assert.deepEqual(misplacedStrings([host, tail], homes), ['recording.badge: extras.js']);
});

test('a catalog no chunk holds is reported', () => {
  assert.deepEqual(misplacedStrings([chunk('call.js', '')], homes), [
    'host.title, recording.badge, recording.start: no chunk holds /[\\\\/]src[\\\\/]i18n[\\\\/]en-host\\.ts$/',
  ]);
});
