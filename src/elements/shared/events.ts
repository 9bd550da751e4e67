import type { KnockSummary, Role } from '../../contract/index.js';
import type { EndedReason, SessionError, SessionStatus } from '../../core/snapshot.js';

/**
 * Typed DOM events of the HashDrop elements. Every event bubbles and is composed (it leaves shadow roots), is named
 * `hashdrop-<what>` so it never collides with a nested element's events, and carries its data as fields of an `Event`
 * subclass. Requests the page may veto are cancelable.
 */
const init: EventInit = { bubbles: true, composed: true };

/** `<hashdrop-room>`'s `status` changed. `previous` is null for the first status of a session. */
export class HashdropStatusChangeEvent extends Event {
  static readonly eventName = 'hashdrop-status-change';
  constructor(
    readonly status: SessionStatus,
    readonly previous: SessionStatus | null,
  ) {
    super(HashdropStatusChangeEvent.eventName, init);
  }
}

/** This browser entered the call. */
export class HashdropJoinedEvent extends Event {
  static readonly eventName = 'hashdrop-joined';
  constructor(
    readonly roomCode: string | null,
    readonly identity: string | null,
    readonly role: Role | null,
  ) {
    super(HashdropJoinedEvent.eventName, init);
  }
}

/** This browser left the call (by choice or not: see `reason`). */
export class HashdropLeftEvent extends Event {
  static readonly eventName = 'hashdrop-left';
  constructor(readonly reason: EndedReason | null) {
    super(HashdropLeftEvent.eventName, init);
  }
}

/** A host declined this browser's request to join. */
export class HashdropDeniedEvent extends Event {
  static readonly eventName = 'hashdrop-denied';
  constructor(readonly roomRef: string | null) {
    super(HashdropDeniedEvent.eventName, init);
  }
}

/**
 * Something failed. `fatal` is true when the element shows an error state (a bad attribute, an endpoint error) and
 * false for a notice that leaves the call running (a `room` change during a call).
 */
export class HashdropErrorEvent extends Event {
  static readonly eventName = 'hashdrop-error';
  constructor(
    readonly error: SessionError,
    readonly fatal = true,
  ) {
    super(HashdropErrorEvent.eventName, init);
  }
  get code(): SessionError['code'] {
    return this.error.code;
  }
}

/** (Hosts) someone knocked and waits for a decision. */
export class HashdropKnockEvent extends Event {
  static readonly eventName = 'hashdrop-knock';
  constructor(readonly knock: KnockSummary) {
    super(HashdropKnockEvent.eventName, init);
  }
}

/**
 * `<hashdrop-invite>`'s "join by code" form was submitted with a valid code. Cancelable: a page that handles the
 * request itself (navigating to `/r/CODE`, say) calls `preventDefault()`; otherwise an invite connected to a session
 * (context or `for`) that is not in a call prepares that room.
 */
export class HashdropJoinRequestEvent extends Event {
  static readonly eventName = 'hashdrop-join-request';
  constructor(
    readonly code: string,
    readonly input: string,
  ) {
    super(HashdropJoinRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** `<hashdrop-invite>` copied the code or the link to the clipboard (`ok` false when the clipboard refused). */
export class HashdropCopyEvent extends Event {
  static readonly eventName = 'hashdrop-copy';
  constructor(
    readonly what: 'code' | 'link',
    readonly text: string,
    readonly ok: boolean,
  ) {
    super(HashdropCopyEvent.eventName, init);
  }
}

/**
 * A participant tile asks to be pinned to the spotlight (or unpinned). Cancelable: a page that manages the spotlight
 * itself calls `preventDefault()` and the stage keeps its choice. `reason` says what asked: a click or a key.
 */
export class HashdropPinRequestEvent extends Event {
  static readonly eventName = 'hashdrop-pin-request';
  constructor(
    readonly identity: string,
    readonly source: 'camera' | 'screen_share',
    /** True to pin, false to unpin. */
    readonly pin: boolean,
    readonly reason: 'pointer' | 'keyboard',
  ) {
    super(HashdropPinRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/**
 * The control bar's chat button was pressed: `open` is the state asked for. Cancelable: when canceled the button keeps
 * its state. Whoever shows the chat listens for it (inside `<hashdrop-room>` the room's call view does).
 */
export class HashdropChatToggleEvent extends Event {
  static readonly eventName = 'hashdrop-chat-toggle';
  constructor(readonly open: boolean) {
    super(HashdropChatToggleEvent.eventName, { ...init, cancelable: true });
  }
}

/** `<hashdrop-chat>`'s count of messages from others not seen yet changed (a chat toggle shows it as a badge). */
export class HashdropChatUnreadEvent extends Event {
  static readonly eventName = 'hashdrop-chat-unread';
  constructor(readonly count: number) {
    super(HashdropChatUnreadEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hashdrop-status-change': HashdropStatusChangeEvent;
    'hashdrop-joined': HashdropJoinedEvent;
    'hashdrop-left': HashdropLeftEvent;
    'hashdrop-denied': HashdropDeniedEvent;
    'hashdrop-error': HashdropErrorEvent;
    'hashdrop-knock': HashdropKnockEvent;
    'hashdrop-join-request': HashdropJoinRequestEvent;
    'hashdrop-copy': HashdropCopyEvent;
    'hashdrop-chat-unread': HashdropChatUnreadEvent;
    'hashdrop-pin-request': HashdropPinRequestEvent;
    'hashdrop-chat-toggle': HashdropChatToggleEvent;
  }
}
