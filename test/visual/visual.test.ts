/**
 * Visual regression: every Storybook story at 390×844 and 1280×800, light and dark, compared with its committed
 * baseline (test/visual/baselines). A difference over 0.1 % of the pixels fails and leaves the picture taken and the
 * difference in .cache/visual/. A changed look is accepted deliberately: `npm run visual:update`, then commit the
 * baselines. Runs after `npm run build-storybook`; Debian's Chromium, fonts from fonts-dejavu-core.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINES, FAILURES, MAX_DIFF_RATIO, THEMES, VIEWPORTS, baselineName, compare } from './compare.js';
import { StoryCamera, storyEntries } from './render.js';

let camera: StoryCamera;

before(async () => {
  camera = await StoryCamera.open();
});
after(async () => {
  await camera?.close();
});

test('there are stories to compare (Storybook is built)', () => {
  assert.ok(storyEntries().length > 0, 'build Storybook first: npm run build-storybook');
});

for (const story of storyEntries()) {
  for (const viewport of VIEWPORTS) {
    for (const theme of THEMES) {
      const name = baselineName(story.id, viewport, theme);
      test(`${story.title} / ${story.name} at ${viewport.width}×${viewport.height}, ${theme}`, async () => {
        const baseline = join(BASELINES, name);
        assert.ok(existsSync(baseline), `no baseline ${baseline}: run npm run visual:update and commit it`);
        const actual = await camera.shoot(story.id, viewport, theme);
        const { ratio, diff } = compare(actual, readFileSync(baseline));
        if (ratio > MAX_DIFF_RATIO) {
          mkdirSync(FAILURES, { recursive: true });
          writeFileSync(join(FAILURES, name), actual);
          if (diff) writeFileSync(join(FAILURES, name.replace(/\.png$/, '.diff.png')), diff);
        }
        assert.ok(
          ratio <= MAX_DIFF_RATIO,
          `${(ratio * 100).toFixed(2)} % of the pixels differ from ${baseline} (see ${FAILURES}/${name})`,
        );
      });
    }
  }
}
