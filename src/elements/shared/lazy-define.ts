/**
 * Defining elements on demand. The CDN entry defines the elements of the pre-join path at once and registers the others
 * here with a loader (a dynamic `import()` of the element, which then defines it): a loader runs the first time its
 * tag shows up in the document, so a page that never uses a tag never downloads its code.
 *
 * - At start-up the document is scanned for `tag:not(:defined)`; a MutationObserver on the document catches tags added
 *   later (by the parser while it is still running, or by script).
 * - Only the document's own tree is watched. Elements inside other shadow roots are not seen: `<hashdrop-room>` loads
 *   what its call screen uses itself, and a page can always import a per-element entry (`hashdrop/invite`).
 * - A loader runs at most once, and not at all when its tag is already defined (by a per-element entry, or by the
 *   room's call view); `defineElement` also guards against double definition, so every path is safe together.
 * - Once every registered tag is defined, the observer stops.
 * - Without a DOM (server rendering, a worker) there is nothing to watch: every loader runs at once.
 *
 * Touches no DOM until called, so importing this module is SSR-safe.
 */

/** Loads and defines one element, e.g. `() => import('./invite.js').then((m) => defineElement('x-invite', m.Invite))`. */
export type ElementLoader = () => Promise<unknown>;

/** One load per tag for the lifetime of the page, even if `defineOnDemand` is called again (two entries, tests). */
const started = new Map<string, Promise<unknown>>();

/** Runs a tag's loader unless it already ran or the tag is defined; a failed load may be retried later. */
function load(tag: string, loader: ElementLoader): Promise<unknown> {
  if (typeof customElements !== 'undefined' && customElements.get(tag)) return Promise.resolve();
  let loading = started.get(tag);
  if (!loading) {
    loading = loader().catch((error: unknown) => {
      started.delete(tag);
      console.error(`hashdrop: could not load <${tag}>`, error);
    });
    started.set(tag, loading);
  }
  return loading;
}

/**
 * Defines each tag of `loaders` when it first appears in the document. Returns a function that stops watching (loads
 * already started go on).
 */
export function defineOnDemand(loaders: Record<string, ElementLoader>): () => void {
  if (
    typeof document === 'undefined' ||
    typeof MutationObserver === 'undefined' ||
    typeof customElements === 'undefined'
  ) {
    for (const [tag, loader] of Object.entries(loaders)) void load(tag, loader);
    return () => {};
  }
  const pending = new Map(Object.entries(loaders).filter(([tag]) => !customElements.get(tag)));
  if (!pending.size) return () => {};

  const selector = () => [...pending.keys()].map((tag) => `${tag}:not(:defined)`).join(',');
  const loadWithin = (node: Element | Document) => {
    if (!pending.size) return;
    const css = selector();
    const found = new Set<string>();
    if (node instanceof Element && node.matches(css)) found.add(node.localName);
    for (const element of node.querySelectorAll(css)) found.add(element.localName);
    for (const tag of found) {
      const loader = pending.get(tag);
      if (loader) void load(tag, loader);
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) loadWithin(node);
    }
  });
  const stop = () => {
    observer.disconnect();
    pending.clear();
  };
  // However a tag gets defined (this loader, a per-element entry, the room's call view), stop looking for it.
  for (const tag of pending.keys()) {
    void customElements.whenDefined(tag).then(() => {
      pending.delete(tag);
      if (!pending.size) observer.disconnect();
    });
  }
  observer.observe(document, { childList: true, subtree: true });
  loadWithin(document);
  return stop;
}
