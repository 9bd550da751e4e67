/**
 * The control bar's Captions button was pressed: `on` is the state asked for. Cancelable: when canceled the button
 * keeps its state. Whoever shows the captions listens for it (inside `<hashdrop-room>` the call view does).
 * Its own module, beside the control bar, so the pre-join bytes never carry it.
 */
export class HashdropCaptionsToggleEvent extends Event {
  static readonly eventName = 'hashdrop-captions-toggle';
  constructor(readonly on: boolean) {
    super(HashdropCaptionsToggleEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hashdrop-captions-toggle': HashdropCaptionsToggleEvent;
  }
}
