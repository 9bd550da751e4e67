import { ContextConsumer } from '@lit/context';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import { INITIAL_SNAPSHOT, type RoomSnapshot } from '../../core/snapshot.js';
import { sessionContext, snapshotContext } from './context.js';
import { HashdropElement } from './hashdrop-element.js';

/**
 * Base of the elements that view a session. The session comes from, in order:
 * 1. the `session` property (stories, tests, pages that own a session);
 * 2. `for="room-element-id"`: the element with that id in the same root (document or shadow root), usually a
 *    `<hashdrop-room>`, followed as its session appears or changes (its `hashdrop-status-change` events);
 * 3. the nearest `<hashdrop-room>` ancestor, through `@lit/context`.
 * Subclasses read `this.snapshot` (never mutated, replaced on change) and call actions on `this.activeSession`.
 */
export class SessionElement extends HashdropElement {
  /** A session to view instead of the enclosing room's. */
  @property({ attribute: false }) session: RoomSessionApi | null = null;

  /** The id of a `<hashdrop-room>` elsewhere in the page whose session this element views. */
  @property({ attribute: 'for' }) htmlFor = '';

  @state() private contextSession: RoomSessionApi | undefined;
  @state() private contextSnapshot: RoomSnapshot | undefined;
  @state() private forSession: RoomSessionApi | null = null;
  @state() private directSnapshot: RoomSnapshot | null = null;

  #subscribed: RoomSessionApi | null = null;
  #unsubscribe: (() => void) | null = null;
  #forRoot: Document | ShadowRoot | null = null;
  #seen: RoomSnapshot | null = null;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: sessionContext,
      subscribe: true,
      callback: (value) => {
        this.contextSession = value;
      },
    });
    new ContextConsumer(this, {
      context: snapshotContext,
      subscribe: true,
      callback: (value) => {
        this.contextSnapshot = value;
      },
    });
  }

  /** The session actions go to. */
  get activeSession(): RoomSessionApi | null {
    return this.session ?? (this.htmlFor ? this.forSession : (this.contextSession ?? null));
  }

  /** What to render. */
  get snapshot(): RoomSnapshot {
    const session = this.activeSession;
    if (!session) return INITIAL_SNAPSHOT;
    if (this.session || this.htmlFor) return this.directSnapshot ?? session.snapshot;
    return this.contextSnapshot ?? session.snapshot;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watchFor();
    this.#resubscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchFor();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#subscribed = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('htmlFor')) {
      this.#unwatchFor();
      if (this.isConnected) this.#watchFor();
    }
    this.#resubscribe();
    const snapshot = this.snapshot;
    if (snapshot !== this.#seen) {
      const previous = this.#seen;
      this.#seen = snapshot;
      this.snapshotChanged(snapshot, previous);
    }
  }

  /** Called before render whenever the snapshot differs from the last one rendered. */
  protected snapshotChanged(_snapshot: RoomSnapshot, _previous: RoomSnapshot | null): void {}

  #resubscribe(): void {
    const direct = this.session ?? (this.htmlFor ? this.forSession : null);
    if (direct === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#subscribed = direct;
    this.directSnapshot = direct ? direct.snapshot : null;
    if (direct && this.isConnected) {
      this.#unsubscribe = direct.subscribe((next) => {
        this.directSnapshot = next;
      });
    }
  }

  readonly #onForEvent = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof Element && target.id === this.htmlFor) this.#resolveFor();
  };

  #watchFor(): void {
    if (!this.htmlFor) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    this.#forRoot = root;
    root.addEventListener('hashdrop-status-change', this.#onForEvent);
    this.#resolveFor();
    // The room may be parsed after this element: look again once the document is complete.
    if (typeof document !== 'undefined' && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#resolveFor(), { once: true });
    }
  }

  #unwatchFor(): void {
    this.#forRoot?.removeEventListener('hashdrop-status-change', this.#onForEvent);
    this.#forRoot = null;
  }

  #resolveFor(): void {
    const root = this.#forRoot;
    const target = root && 'getElementById' in root ? root.getElementById(this.htmlFor) : null;
    const session = (target as { session?: RoomSessionApi | null } | null)?.session ?? null;
    if (session !== this.forSession) this.forSession = session;
  }
}
