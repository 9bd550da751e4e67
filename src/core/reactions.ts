/**
 * Reactions on screen: what the endpoint relayed on `hashdrop.reaction`, each shown for a few seconds. Pure
 * functions, no timers, so a unit test walks a burst; the call's connection keeps the list and the expiry.
 */
import type { ReactionEvent } from '../contract/topics.js';
import type { ReactionSnapshot } from './snapshot.js';

/** How long a reaction floats over the stage. */
export const REACTION_SHOW_MS = 4000;
/** At most this many on screen at once (the newest win), whatever a crowd sends. */
export const MAX_REACTIONS = 12;

export function applyReaction(
  reactions: readonly ReactionSnapshot[],
  event: ReactionEvent,
  id: number,
  now: number,
): ReactionSnapshot[] {
  const shown: ReactionSnapshot = { id, identity: event.identity, emoji: event.emoji, at: now };
  return [...expireReactions(reactions, now), shown].slice(-MAX_REACTIONS);
}

/** The reactions still showing at `now`; `reactions` itself when none expired (no snapshot change). */
export function expireReactions(reactions: readonly ReactionSnapshot[], now: number): ReactionSnapshot[] {
  const kept = reactions.filter((r) => now - r.at < REACTION_SHOW_MS);
  return kept.length === reactions.length ? (reactions as ReactionSnapshot[]) : kept;
}

/** When the next reaction leaves the screen (ms since the epoch), or null with none showing. */
export function nextReactionExpiry(reactions: readonly ReactionSnapshot[]): number | null {
  return reactions.length ? reactions[0]!.at + REACTION_SHOW_MS : null;
}
