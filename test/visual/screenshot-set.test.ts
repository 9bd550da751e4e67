/**
 * The screenshot set of the call screen, from the stories (plain data, so the same every time): each scene at
 * 390×844, 768×1024 and 1280×800, light and dark, as JPEG. Written to .cache/screenshots/set by default, or with
 * `npm run screenshots` to docs/screenshots/set (committed; docs/screenshots/README.md lists them), so an ordinary
 * run leaves the tree unchanged. Runs after `npm run build-storybook`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, StoryCamera, TABLET, THEMES, storyEntries } from './render.js';

const OUT_DIR = join(process.env.SCREENSHOTS_DIR ?? '.cache/screenshots', 'set');
/** A JPEG of a call screen this size or more means a wrong format or size. */
const MAX_BYTES = 300_000;

/** Opens a control bar panel (chat, people) unless it is open already. */
function press(part: string): (page: Page) => Promise<void> {
  return async (page) => {
    const button = page.locator(`[part~="${part}"]`).first();
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  };
}

const SCENES: { name: string; story: string; act?: (page: Page) => Promise<void> }[] = [
  { name: 'pre-join', story: 'elements-room--pre-join' },
  { name: 'waiting', story: 'elements-room--waiting' },
  { name: 'in-call-2', story: 'elements-room--in-room-two' },
  { name: 'in-call-6', story: 'elements-room--in-room-six' },
  { name: 'in-call-25', story: 'elements-room--in-room-twenty-five' },
  { name: 'screen-share', story: 'elements-room--screen-share' },
  { name: 'chat-open', story: 'elements-room--in-room-six', act: press('chat-toggle') },
  { name: 'host-panel-two-knocks', story: 'elements-room--host-with-knocks', act: press('people-toggle') },
  { name: 'stage-mode-audience', story: 'stage-mode-room-by-role--host' },
];

let camera: StoryCamera;
before(async () => {
  camera = await StoryCamera.open();
  mkdirSync(OUT_DIR, { recursive: true });
});
after(async () => {
  await camera?.close();
});

for (const scene of SCENES) {
  for (const viewport of [PHONE, TABLET, DESKTOP]) {
    for (const theme of THEMES) {
      const file = `${scene.name}-${viewport.width}x${viewport.height}-${theme}.jpg`;
      test(`screenshot ${file}`, async () => {
        assert.ok(
          storyEntries().some((story) => story.id === scene.story),
          `no story ${scene.story}`,
        );
        await camera.shoot(scene.story, viewport, theme, scene.act);
        const jpeg = await camera.jpeg(viewport);
        assert.ok(jpeg.length < MAX_BYTES, `${file} is ${jpeg.length} bytes`);
        writeFileSync(join(OUT_DIR, file), jpeg);
      });
    }
  }
}
