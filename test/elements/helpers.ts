import { SnapshotSession } from '../../src/testing/snapshot-session.js';
import type { RoomSnapshot } from '../../src/core/snapshot.js';

export function sessionWith(snapshot: RoomSnapshot): SnapshotSession {
  return new SnapshotSession(snapshot);
}

/** The shadow root's element matching a part name. */
export function part<T extends HTMLElement = HTMLElement>(el: HTMLElement, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

const mounted: HTMLElement[] = [];

/**
 * Renders a template into a fresh `<div>` in the document without waiting for an animation frame (which a background
 * test page may never get); call `unmountAll()` after each test.
 */
export async function mount(template: unknown): Promise<HTMLDivElement> {
  const { render } = await import('lit');
  const wrapper = document.createElement('div');
  document.body.append(wrapper);
  render(template, wrapper);
  mounted.push(wrapper);
  for (const el of wrapper.querySelectorAll('*')) {
    await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }
  return wrapper;
}

export function unmountAll(): void {
  for (const wrapper of mounted.splice(0)) wrapper.remove();
}

/**
 * Resolves once the entrance animations in `el`'s shadow trees have finished (a sheet sliding in, say), so an axe
 * check sees the colors at rest rather than blended mid-fade. Endless ones (a spinner) are not waited for.
 */
export async function animationsFinished(el: Element): Promise<void> {
  const roots: ShadowRoot[] = [];
  const walk = (root: Element | ShadowRoot) =>
    root.querySelectorAll('*').forEach((element) => {
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        walk(element.shadowRoot);
      }
    });
  if (el.shadowRoot) roots.push(el.shadowRoot);
  walk(el.shadowRoot ?? el);
  const finite = roots
    .flatMap((root) => root.getAnimations())
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
}
