/**
 * `npm run visual:update`: retakes every baseline of the visual check (test/visual/baselines) from the built
 * Storybook, and deletes baselines of stories that are gone. With `--missing`, takes only the baselines not there yet
 * (a new story; or resuming an interrupted run). With `--only a,b`, retakes only the stories whose id contains one of
 * those words (and deletes nothing). The only way a baseline changes: run it after a deliberate change of the look,
 * look at the pictures, commit them.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINES, THEMES, VIEWPORTS, baselineName } from '../test/visual/compare.js';
import { StoryCamera, storyEntries } from '../test/visual/render.js';

const onlyMissing = process.argv.includes('--missing');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? (process.argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
const stories = storyEntries().filter((story) => !only || only.some((word) => story.id.includes(word)));
if (stories.length === 0) throw new Error('Build Storybook first: npm run build-storybook');
mkdirSync(BASELINES, { recursive: true });
const camera = await StoryCamera.open();
const written = new Set<string>();
try {
  for (const story of stories) {
    for (const viewport of VIEWPORTS) {
      for (const theme of THEMES) {
        const name = baselineName(story.id, viewport, theme);
        written.add(name);
        if (onlyMissing && existsSync(join(BASELINES, name))) continue;
        writeFileSync(join(BASELINES, name), await camera.shoot(story.id, viewport, theme));
      }
    }
  }
} finally {
  await camera.close();
}
if (!only) for (const file of readdirSync(BASELINES)) if (!written.has(file)) rmSync(join(BASELINES, file));
const bytes = [...written].reduce((sum, name) => sum + statSync(join(BASELINES, name)).size, 0);
console.log(`${written.size} baselines, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${BASELINES}`);
