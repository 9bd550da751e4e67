import type { Reaction } from '../../contract/index.js';
import type { MessageKey } from '../../i18n/en.js';

/**
 * The spoken name of each reaction (a screen reader reads "applause", not "clapping hands sign"), in the order the
 * picker offers them (the contract's REACTIONS; its module brings the request schemas, which no element needs).
 */
export const REACTION_NAMES: Record<Reaction, MessageKey> = {
  '👍': 'reaction.thumbs-up',
  '👏': 'reaction.clap',
  '❤️': 'reaction.heart',
  '😂': 'reaction.laugh',
  '😮': 'reaction.wow',
  '🎉': 'reaction.party',
};
