import type { Reaction } from '../../contract/index.js';
import type { MessageKey } from '../../i18n/en.js';

/** The spoken name of each reaction (a screen reader reads "applause", not "clapping hands sign"). */
export const REACTION_NAMES: Record<Reaction, MessageKey> = {
  '👍': 'reaction.thumbs-up',
  '👏': 'reaction.clap',
  '❤️': 'reaction.heart',
  '😂': 'reaction.laugh',
  '😮': 'reaction.wow',
  '🎉': 'reaction.party',
};
