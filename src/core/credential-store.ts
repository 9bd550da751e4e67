import type { IdentityResponse } from '../contract/index.js';

/** The slice of the Web Storage API we use; injectable so tests and SSR never need a real localStorage. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Survives only this page load; used when localStorage is missing or blocked (Safari private mode, sandboxed iframes). */
const memory = new Map<string, string>();
const memoryStorage: KeyValueStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

/** localStorage when it works right now, else memory. Evaluated lazily so importing this module is SSR-safe. */
export function defaultStorage(): KeyValueStorage {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    if (!storage) return memoryStorage;
    // Some browsers expose localStorage but throw on write (quota 0, blocked third-party storage).
    const probe = '__hashdrop_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return memoryStorage;
  }
}

/** Keeps the endpoint's anonymous identity, one per endpoint (origin + path), so two endpoints never share one. */
export class CredentialStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
  ) {}

  read(): IdentityResponse | null {
    try {
      const raw = this.storage.getItem(this.key);
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<IdentityResponse>;
      if (typeof value.credential !== 'string' || typeof value.userId !== 'string') return null;
      // Expired credentials would only earn a 401 round trip; drop them now.
      if (typeof value.expiresAt === 'string' && Date.parse(value.expiresAt) <= Date.now()) return null;
      return value as IdentityResponse;
    } catch {
      return null;
    }
  }

  write(identity: IdentityResponse): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(identity));
    } catch {
      // Storage full or blocked mid-session: the identity still lives in the client's memory for this page.
    }
  }

  clear(): void {
    try {
      this.storage.removeItem(this.key);
    } catch {
      // Same as above.
    }
  }
}
