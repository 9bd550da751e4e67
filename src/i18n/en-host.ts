import type { Messages } from './en.js';

/**
 * The English strings only the host's elements show (the host panel with its recording and live-stream controls, the
 * invite). Empty in the sources, where every English string is in en.ts; the CDN build moves them here
 * (scripts/compact-catalogs.ts), so they travel in the chunk that shows them, and src/elements/host-elements.ts adds
 * them to English as that chunk arrives.
 */
export const enHost: Partial<Messages> = {};
