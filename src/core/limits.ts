/**
 * Limits shared by the session (loaded up front) and the chat module (loaded with the call), kept here so the session
 * need not load chat to know them.
 */

/** The default largest chat file that may be sent (and is accepted when received): 15 MB. */
export const DEFAULT_MAX_FILE_BYTES = 15_000_000;
