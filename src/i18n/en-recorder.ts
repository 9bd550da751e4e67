import type { Messages } from './en.js';

/**
 * The English strings only the recorder page shows (Egress' recording of a call). Empty in the sources, where every
 * English string is in en.ts; the CDN build moves them here (scripts/compact-catalogs.ts), so they travel in the chunk
 * that shows them, and src/elements/recorder/define.ts adds them to English as that chunk arrives.
 */
export const enRecorder: Partial<Messages> = {};
