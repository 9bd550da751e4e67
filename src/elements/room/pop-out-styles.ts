/**
 * Styles that follow our elements into another window's document (the pop-out window) and back.
 *
 * What Chromium does, checked in its Document Picture-in-Picture window: a constructed `CSSStyleSheet` can only be
 * adopted by a document of the window that constructed it. Moving a node into the other document empties the
 * `adoptedStyleSheets` of every shadow root it carries, and an element first connected there (a tile rendered after the
 * move) throws `NotAllowedError` from Lit's `adoptStyles`. Custom elements need nothing: Lit clones its templates with
 * the page's `document.importNode`, so new elements are created (and upgraded) in the page and then inserted.
 *
 * So a move goes through `moveAcross`: it notes each shadow root's sheets, moves, and gives every root the same sheets
 * made by the new window's `CSSStyleSheet` (one copy per sheet and window, cached; a copy maps back to its original).
 * And `followDocument()` teaches HashdropElement to style a shadow root it creates in another document.
 */
import type { CSSResultOrNative, ReactiveElement } from 'lit';
import { HashdropElement } from '../shared/hashdrop-element.js';

/** Original sheet → its copy in each other window; a copy → its original. */
const copies = new WeakMap<CSSStyleSheet, WeakMap<Window, CSSStyleSheet>>();
const originals = new WeakMap<CSSStyleSheet, CSSStyleSheet>();

/** The sheet to adopt in `view`'s documents: the original for the page, else a copy made by that window. */
function sheetFor(sheet: CSSStyleSheet, view: Window & typeof globalThis): CSSStyleSheet {
  const original = originals.get(sheet) ?? sheet;
  if (view === window) return original;
  let byWindow = copies.get(original);
  if (!byWindow) copies.set(original, (byWindow = new WeakMap()));
  let copy = byWindow.get(view);
  if (!copy) {
    copy = new view.CSSStyleSheet();
    copy.replaceSync([...original.cssRules].map((rule) => rule.cssText).join('\n'));
    byWindow.set(view, copy);
    originals.set(copy, original);
  }
  return copy;
}

/** Gives `root` these styles in whatever document it is in now. */
export function adoptStylesIn(root: ShadowRoot, styles: readonly (CSSResultOrNative | CSSStyleSheet)[]): void {
  const view = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!view) return;
  // Not `instanceof CSSStyleSheet`: a sheet made by the other window is not an instance of this window's class.
  root.adoptedStyleSheets = styles.map((style) => sheetFor('cssRules' in style ? style : style.styleSheet!, view));
}

/** Every shadow root in `node`'s tree (open ones: ours all are), nested ones included. */
function shadowRoots(node: Node, found: ShadowRoot[] = []): ShadowRoot[] {
  const walk = (root: Node) => {
    const elements =
      root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...(root as ParentNode).querySelectorAll('*')];
    for (const element of elements) {
      if (element.shadowRoot) {
        found.push(element.shadowRoot);
        walk(element.shadowRoot);
      }
    }
  };
  walk(node);
  return found;
}

/**
 * Runs `move` (a DOM operation that puts `node` in another document, or takes it back) and gives every shadow root in
 * `node` its sheets again, made for its new document.
 */
export function moveAcross(node: Element, move: () => void): void {
  const noted = shadowRoots(node).map((root) => [root, [...root.adoptedStyleSheets]] as const);
  move();
  for (const [root, sheets] of noted) adoptStylesIn(root, sheets);
}

let following = false;

/**
 * From now on, an element of ours that makes its shadow root in another window's document gets sheets that document
 * accepts. Installed by the pop-out (a lazy module) rather than written into HashdropElement, which every page loads:
 * pages that never pop out carry none of it.
 */
export function followDocument(): void {
  if (following) return;
  following = true;
  const create = HashdropElement.prototype['createRenderRoot'];
  Object.defineProperty(HashdropElement.prototype, 'createRenderRoot', {
    configurable: true,
    writable: true,
    value(this: HashdropElement): HTMLElement | DocumentFragment {
      if (this.ownerDocument === document) return create.call(this);
      const ctor = this.constructor as typeof ReactiveElement;
      const root = this.shadowRoot ?? this.attachShadow(ctor.shadowRootOptions);
      adoptStylesIn(root, ctor.elementStyles);
      return root;
    },
  });
}
