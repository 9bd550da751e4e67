import { en, type MessageKey, type Messages } from './en.js';

export { en, type MessageKey, type Messages };

/**
 * The message catalog. English ships built in; a page adds or overrides any language with
 * `registerMessages('de', { 'prejoin.join': 'Beitreten', … })` (partial catalogs are fine: missing keys fall back to the
 * language's base — `pt` for `pt-BR` — and then to English). Connected elements re-render when strings are registered
 * (`onMessagesChange`).
 */
const catalogs = new Map<string, Partial<Messages>>([['en', en]]);
const listeners = new Set<() => void>();

/** Languages that lay out right to left. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ps', 'sd', 'ur', 'yi']);

export function registerMessages(lang: string, messages: Partial<Messages>): void {
  const key = normalizeLang(lang);
  catalogs.set(key, { ...catalogs.get(key), ...messages });
  for (const listener of listeners) listener();
}

/** Called whenever a page registers strings; returns an unsubscribe function. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registeredLanguages(): string[] {
  return [...catalogs.keys()];
}

export function normalizeLang(lang: string): string {
  return lang.trim().toLowerCase().replace(/_/g, '-');
}

/** A loose BCP 47 check: `en`, `pt-BR`, `zh-Hant-TW`. */
export function isLanguageTag(value: string): boolean {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value.trim());
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL.has(normalizeLang(lang).split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** Looks a key up for `lang`, falling back from `pt-br` to `pt` to English, and fills `{placeholders}`. */
export function t(lang: string, key: MessageKey, params?: Record<string, string | number>): string {
  const full = normalizeLang(lang || 'en');
  const base = full.split('-')[0] ?? 'en';
  const text = catalogs.get(full)?.[key] ?? catalogs.get(base)?.[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's `lang` (crossing shadow roots), else the
 * page's `<html lang>`, else English. Safe to call on a server (no DOM → English).
 */
export function resolveLang(element: Element | null): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return 'en';
}
