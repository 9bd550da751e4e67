/**
 * The call's own events, carried from the floating window to the page. A popped-out call view lives in the window's
 * document, so what its elements fire (a copied invite, a pin request, the chat's unread count, an error) bubbles up
 * that document and never reaches the room in the page, where the page listens. Each such event that leaves the call
 * view is dispatched again, as a copy of the same class with the same fields, on the room; a page that cancels the copy
 * cancels the original, so a page's veto (of a pin, say) holds in the window too.
 */
import { HashdropCaptionsToggleEvent } from '../control-bar/captions-toggle-event.js';
import { HashdropPeopleToggleEvent } from '../control-bar/people-toggle-event.js';
import { HashdropPopOutToggleEvent } from '../control-bar/pop-out-toggle-event.js';
import {
  HashdropChatToggleEvent,
  HashdropChatUnreadEvent,
  HashdropCopyEvent,
  HashdropErrorEvent,
  HashdropPinRequestEvent,
} from '../shared/events.js';

/** What the elements of a call view fire (the room's own events are fired on the room, in the page, already). */
const CALL_VIEW_EVENTS = [
  HashdropCopyEvent,
  HashdropPinRequestEvent,
  HashdropChatToggleEvent,
  HashdropChatUnreadEvent,
  HashdropErrorEvent,
  HashdropCaptionsToggleEvent,
  HashdropPeopleToggleEvent,
  HashdropPopOutToggleEvent,
].map((event) => event.eventName);

/**
 * A copy of `event`: the same class (so `instanceof` holds in the page) and the same fields, not yet dispatched. An
 * event of ours carries its data in its own fields; `isTrusted` is the platform's and not copied.
 */
function copyOf(event: Event): Event {
  const init: EventInit = { bubbles: event.bubbles, composed: event.composed, cancelable: event.cancelable };
  const copy = Reflect.construct(Event, [event.type, init], event.constructor) as Event;
  for (const [key, value] of Object.entries(event)) {
    if (key !== 'isTrusted') Object.defineProperty(copy, key, { value, enumerable: true });
  }
  return copy;
}

/** Dispatches on `room` a copy of every call view event that bubbles out of `from` (the window's host of the view). */
export function forwardCallEvents(from: EventTarget, room: EventTarget): void {
  const forward = (event: Event) => {
    // Only what would have left the room in the page: events that cross shadow roots and bubble.
    if (!event.bubbles || !event.composed) return;
    if (!room.dispatchEvent(copyOf(event))) event.preventDefault();
  };
  for (const type of CALL_VIEW_EVENTS) from.addEventListener(type, forward);
}
