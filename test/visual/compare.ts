/**
 * Baselines of the visual check: where they live, and how a picture is compared with one (pixelmatch over pngjs, a
 * small tolerance for anti-aliasing). Written only by `npm run visual:update`, never by a test.
 */
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { DESKTOP, PHONE, THEMES, type Theme, type Viewport } from './render.js';

export const BASELINES = 'test/visual/baselines';
/** Where a failed comparison leaves the picture taken and the difference, to look at. */
export const FAILURES = '.cache/visual';
export const VIEWPORTS: Viewport[] = [PHONE, DESKTOP];
export { THEMES };
/** Per-pixel colour distance pixelmatch ignores (0–1), and the share of differing pixels a picture may have. */
const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_RATIO = 0.001;

export function baselineName(storyId: string, viewport: Viewport, theme: Theme): string {
  return `${storyId}--${viewport.name}-${theme}.png`;
}

export interface Difference {
  /** Differing pixels over all pixels (1 when the sizes differ). */
  ratio: number;
  /** The difference drawn (red where they differ), or null when the sizes differ. */
  diff: Buffer | null;
}

export function compare(actual: Buffer, expected: Buffer): Difference {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) return { ratio: 1, diff: null };
  const diff = new PNG({ width: a.width, height: a.height });
  const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  return { ratio: pixels / (a.width * a.height), diff: PNG.sync.write(diff) };
}
