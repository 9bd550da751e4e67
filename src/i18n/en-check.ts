import type { Messages } from './en.js';

/**
 * The English strings only the pre-call check shows. Empty in the sources, where every English string is in en.ts; the
 * CDN build moves them here (scripts/compact-catalogs.ts), so they travel in the chunk that shows them, and
 * src/elements/precall-check/define.ts adds them to English as that chunk arrives.
 */
export const enCheck: Partial<Messages> = {};
