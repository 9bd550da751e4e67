/**
 * The call view answers its elements' context requests itself (the `@lit/context` protocol: `context-request` events
 * with a callback), for the session and the snapshot the room gives it, so they find them wherever the view is: in
 * the room, or in the pop-out window's document, where no room is above them.
 *
 * Not `@lit/context`'s ContextProvider: imported from this lazy module, it made the bundler move Lit and our base
 * class out of the CDN entry into a chunk of their own (0.9 KB gzip more up front). The protocol is small.
 */
import type { Context } from '@lit/context';

type Callback = (value: unknown, unsubscribe?: () => void) => void;

interface ContextRequest extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: Callback;
  subscribe?: boolean;
}

export class ViewContexts {
  readonly #values = new Map<unknown, unknown>();
  /** Per context, each subscriber with its own unsubscribe (the same function every time: a consumer that gets a
   * different one takes it for another provider and unsubscribes from the first). */
  readonly #subscribers = new Map<unknown, Map<Callback, () => void>>();

  constructor(host: HTMLElement, contexts: readonly Context<unknown, unknown>[]) {
    for (const context of contexts) this.#subscribers.set(context, new Map());
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequest;
      const subscribers = this.#subscribers.get(request.context);
      // Another context, or the view's own request (for the room's session): not ours to answer.
      if (!subscribers || (request.contextTarget ?? request.composedPath()[0]) === host) return;
      event.stopPropagation();
      const callback = request.callback;
      if (!request.subscribe) return callback(this.#values.get(request.context));
      let unsubscribe = subscribers.get(callback);
      if (!unsubscribe) subscribers.set(callback, (unsubscribe = () => void subscribers.delete(callback)));
      callback(this.#values.get(request.context), unsubscribe);
    });
  }

  /** Gives every subscriber a new value (none when it is the same). */
  set<T>(context: Context<unknown, T>, value: T): void {
    if (Object.is(this.#values.get(context), value)) return;
    this.#values.set(context, value);
    for (const [callback, unsubscribe] of this.#subscribers.get(context) ?? []) callback(value, unsubscribe);
  }
}

/**
 * Asks the room above `host` for a context, subscribed: `callback` gets each value, and the function to stop them
 * (called when `host` leaves the room; away from it, popped out, the last value stays).
 */
export function requestContext<T>(
  host: HTMLElement,
  context: Context<unknown, T>,
  callback: (value: T, unsubscribe?: () => void) => void,
): void {
  const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
    context,
    contextTarget: host,
    callback,
    subscribe: true,
  });
  host.dispatchEvent(request);
}
