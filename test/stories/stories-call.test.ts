/**
 * The call's stories (stage, tiles, control bar, chat, host panel, recording): each renders cleanly
 * and passes axe. Split from stories.test.ts so each file stays well inside its time budget on a busy machine.
 */
import { checkStories, isCallStory } from './story-check.js';

checkStories(isCallStory);
