/**
 * The control bar's Pop out button was pressed: `out` is the state asked for (the call in a floating window, or back
 * in the page). Cancelable: when canceled nothing moves. Inside `<hashdrop-room>` the call view listens for it.
 * Its own module, beside the control bar, so the pre-join bytes never carry it.
 */
export class HashdropPopOutToggleEvent extends Event {
  static readonly eventName = 'hashdrop-pop-out-toggle';
  constructor(readonly out: boolean) {
    super(HashdropPopOutToggleEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hashdrop-pop-out-toggle': HashdropPopOutToggleEvent;
  }
}
