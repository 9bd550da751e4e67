import { en, type MessageKey, type Messages } from './en.js';
import { SHIPPED_LOADERS, loadEnglishInCall } from './shipped.js';

export { en, type MessageKey, type Messages };

/**
 * The message catalog. English ships built in; German, Spanish and French ship as separate chunks, loaded the first
 * time an element speaks them (`loadMessages`), so a page that stays in English never downloads them. A page adds or
 * overrides strings for any language — shipped or not (`it`, `ar`) — with
 * `registerMessages('de', { 'prejoin.join': 'Beitreten', … })`. Partial catalogs are fine: a key missing for `pt-BR`
 * falls back to `pt`, then to English. Connected elements re-render when strings arrive (`onMessagesChange`).
 *
 * Page strings and shipped strings are kept apart so the order of arrival does not matter: a page's `registerMessages`
 * for `de` wins over the shipped German catalog even when that catalog loads afterwards.
 */
const shipped = new Map<string, Partial<Messages>>([['en', en]]);
const page = new Map<string, Partial<Messages>>();
const loading = new Map<string, Promise<void>>();
let englishInCall: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Languages that lay out right to left. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ps', 'sd', 'ur', 'yi']);

function notify(): void {
  for (const listener of listeners) listener();
}

/** Adds or overrides strings for a language (`de`, `pt-BR`, `ar`, …); elements speaking it re-render. */
export function registerMessages(lang: string, messages: Partial<Messages>): void {
  const key = normalizeLang(lang);
  page.set(key, { ...page.get(key), ...messages });
  notify();
}

/** Called whenever strings arrive (a page's or a shipped catalog); returns an unsubscribe function. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Languages with strings available now: English, shipped catalogs loaded so far, and the page's own. */
export function registeredLanguages(): string[] {
  return [...new Set([...shipped.keys(), ...page.keys()])];
}

/** Languages the package ships a complete catalog for (English built in, the others loaded on demand). */
export const shippedLanguages: readonly string[] = ['en', ...Object.keys(SHIPPED_LOADERS)];

/**
 * Loads the shipped catalog for `lang`'s base language (`de-AT` → `de`) if there is one and it is not here yet.
 * Resolves once it is registered (at once for English or a language we do not ship). Elements call this themselves;
 * a page may call it to have the strings before it renders.
 */
export function loadMessages(lang: string): Promise<void> {
  const base = baseOf(lang);
  if (shipped.has(base)) return Promise.resolve();
  const loader = SHIPPED_LOADERS[base];
  if (!loader) return Promise.resolve();
  let pending = loading.get(base);
  if (!pending) {
    pending = loader().then(
      (messages) => {
        shipped.set(base, messages);
        notify();
      },
      (error: unknown) => {
        // A chunk that fails to load (offline, a CDN hiccup) leaves English on screen; the next element may retry.
        loading.delete(base);
        console.warn(`HashDrop: the ${base} strings could not be loaded; showing English.`, error);
      },
    );
    loading.set(base, pending);
  }
  return pending;
}

/**
 * The in-call English strings, which the CDN build fetches as a chunk of their own (see en-in-call.ts): when the room
 * starts loading its call screen (after pre-join is up), or when a string from it is first asked for (an error
 * screen, an in-call element on its own). English is every language's fallback, so this is for every language.
 */
export function loadEnglishInCallStrings(): Promise<void> {
  englishInCall ??= loadEnglishInCall().then(
    (strings) => {
      if (Object.keys(strings).length === 0) return;
      addShippedEnglish(strings);
      notify();
    },
    (error: unknown) => {
      englishInCall = null;
      console.warn('HashDrop: the in-call English strings could not be loaded.', error);
    },
  );
  return englishInCall;
}

/**
 * Adds English strings the CDN build ships in the chunk that shows them (en-host.ts and the others named in
 * scripts/compact-catalogs.ts), as that chunk arrives. Nothing re-renders: none of its elements has rendered before
 * its chunk ran.
 */
export function addShippedEnglish(strings: Partial<Messages>): void {
  if (Object.keys(strings).length > 0) shipped.set('en', { ...shipped.get('en'), ...strings });
}

function missingInCallString(): string {
  void loadEnglishInCallStrings();
  return '';
}

export function normalizeLang(lang: string): string {
  return lang.trim().toLowerCase().replace(/_/g, '-');
}

function baseOf(lang: string): string {
  return normalizeLang(lang || 'en').split('-')[0] || 'en';
}

/** A loose BCP 47 check: `en`, `pt-BR`, `zh-Hant-TW`. */
export function isLanguageTag(value: string): boolean {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value.trim());
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL.has(baseOf(lang)) ? 'rtl' : 'ltr';
}

/**
 * Looks a key up for `lang` — the page's strings, then the shipped catalog, for `pt-br` and then `pt` — falling back to
 * English, and fills `{placeholders}`.
 */
export function t(lang: string, key: MessageKey, params?: Record<string, string | number>): string {
  const full = normalizeLang(lang || 'en');
  const base = baseOf(full);
  const text =
    page.get(full)?.[key] ??
    shipped.get(full)?.[key] ??
    page.get(base)?.[key] ??
    shipped.get(base)?.[key] ??
    page.get('en')?.[key] ??
    shipped.get('en')?.[key] ??
    // Only in the CDN build, for an in-call string asked for before its chunk arrived: blank until the re-render.
    missingInCallString();
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The next node up: the parent, or a shadow root's host. */
function up(node: Node): Node | null {
  return node instanceof ShadowRoot ? node.host : node.parentNode;
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's `lang` (crossing shadow roots), else the
 * page's `<html lang>`, else English. Safe to call on a server (no DOM → English).
 */
export function resolveLang(element: Element | null): string {
  for (let node: Node | null = element; node; node = up(node)) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
  }
  return 'en';
}

/**
 * The direction an element lays out in: the nearest of a `dir="ltr|rtl"` or a `lang` on the element or an ancestor
 * decides — `dir` directly, `lang` by its script (Arabic, Hebrew, Persian, Urdu… are right to left). So an element with
 * `lang="ar"` is mirrored on an English page, and everything inside `<div dir="rtl">` is mirrored whatever its language.
 */
export function resolveDirection(element: Element | null): 'ltr' | 'rtl' {
  for (let node: Node | null = element; node; node = up(node)) {
    if (!(node instanceof Element)) continue;
    const dir = node.getAttribute('dir')?.toLowerCase();
    if (dir === 'ltr' || dir === 'rtl') return dir;
    const lang = node.getAttribute('lang');
    if (lang) return directionOf(lang);
  }
  return 'ltr';
}
