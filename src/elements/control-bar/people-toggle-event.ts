/**
 * The control bar's People button was pressed (hosts): `open` is the state asked for. Cancelable: when canceled the
 * button keeps its state. Whoever shows the host panel listens for it (inside `<hashdrop-room>` the call view does).
 * Its own module, beside the control bar, so the pre-join bytes never carry it.
 */
export class HashdropPeopleToggleEvent extends Event {
  static readonly eventName = 'hashdrop-people-toggle';
  constructor(readonly open: boolean) {
    super(HashdropPeopleToggleEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hashdrop-people-toggle': HashdropPeopleToggleEvent;
  }
}
