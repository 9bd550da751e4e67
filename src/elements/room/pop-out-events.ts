/**
 * `<hashdrop-room>`'s pop-out events, dispatched on the room by its call view (a lazy module, so the up-front bytes
 * carry neither).
 */

/** How the call left the page: the whole call in a floating window, or only the spotlight's video. */
export type PopOutMode = 'window' | 'video';

/** The call went into a floating window (`mode`: `window`, or `video` where only video picture-in-picture exists). */
export class HashdropPopOutEvent extends Event {
  static readonly eventName = 'hashdrop-pop-out';
  constructor(readonly mode: PopOutMode) {
    super(HashdropPopOutEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The call is back in the page (the floating window was closed, or Bring back pressed). */
export class HashdropPopInEvent extends Event {
  static readonly eventName = 'hashdrop-pop-in';
  constructor(readonly mode: PopOutMode) {
    super(HashdropPopInEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hashdrop-pop-out': HashdropPopOutEvent;
    'hashdrop-pop-in': HashdropPopInEvent;
  }
}
