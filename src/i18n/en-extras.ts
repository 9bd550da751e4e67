import type { Messages } from './en.js';

/**
 * The English strings only the call's extras show (the chat panel). Empty in the sources, where every English string is
 * in en.ts; the CDN build moves them here (scripts/compact-catalogs.ts), so they travel in the chunk that shows them,
 * and src/elements/call-extras.ts adds them to English as that chunk arrives.
 */
export const enExtras: Partial<Messages> = {};
