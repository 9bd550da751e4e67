import { createContext } from '@lit/context';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { RoomSnapshot } from '../../core/snapshot.js';

/** The session a `<hashdrop-room>` owns (or was given), for the elements inside it. */
export const sessionContext = createContext<RoomSessionApi | undefined>(Symbol.for('hashdrop.session'));

/**
 * The session's current snapshot. Replaced as a whole on every change, never mutated, so consumers compare by identity
 * (`@lit/context` uses `Object.is`).
 */
export const snapshotContext = createContext<RoomSnapshot | undefined>(Symbol.for('hashdrop.snapshot'));
