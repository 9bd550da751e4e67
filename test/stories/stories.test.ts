/**
 * Every story in the built Storybook renders in Chromium without console errors or page errors and passes axe's
 * accessibility rules (WCAG 2 A/AA). Runs after `npm run build-storybook` (storybook-static/). This file checks that
 * every element has stories and the stories of the elements before a call; stories-call.test.ts those of the call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStories, isCallStory, stories } from './story-check.js';

test('Storybook has stories for every element', () => {
  // Titles such as "Elements/Host panel" compared as "elements/host-panel".
  const titles = stories.map((story) => story.title.toLowerCase().replace(/[\s-]+/g, '-'));
  for (const element of ['room', 'prejoin', 'lobby', 'invite', 'host-panel', 'tile-list']) {
    assert.ok(
      titles.some((title) => title.endsWith(element)),
      `no stories for ${element}`,
    );
  }
});

checkStories((title) => !isCallStory(title));
