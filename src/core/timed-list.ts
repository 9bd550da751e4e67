/**
 * A list whose entries leave on their own after a while (captions, reactions): it reports every change, including
 * each expiry, and runs one timer for the next entry due to go. Stop it when the call ends.
 */
export interface TimedList<T> {
  readonly items: readonly T[];
  /** Replaces the list (reported unless it is the same array). */
  set(items: T[]): void;
  stop(): void;
}

export function timedList<T>(
  report: (items: T[]) => void,
  expire: (items: readonly T[], now: number) => T[],
  /** When the next entry is due to leave (ms since the epoch), or null with none. */
  nextExpiry: (items: readonly T[]) => number | null,
): TimedList<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const set = (next: T[]) => {
    if (next === items) return;
    items = next;
    report(items);
    if (timer) clearTimeout(timer);
    const at = nextExpiry(items);
    timer = at === null ? null : setTimeout(() => set(expire(items, Date.now())), Math.max(0, at - Date.now()) + 1);
  };
  return {
    get items() {
      return items;
    },
    set,
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
