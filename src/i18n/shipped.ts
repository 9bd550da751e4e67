import type { Messages } from './en.js';

/**
 * The catalogs the package ships besides English, by base language. Each is a dynamic import, so the CDN build makes
 * one small chunk per language and the up-front bytes hold only these few lines.
 */
export const SHIPPED_LOADERS: Record<string, () => Promise<Partial<Messages>>> = {
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  fr: () => import('./fr.js').then((m) => m.fr),
};

/** The in-call English strings: a chunk of their own in the CDN build, nothing in the sources (see en-in-call.ts). */
export const loadEnglishInCall = (): Promise<Partial<Messages>> => import('./en-in-call.js').then((m) => m.enInCall);
