/**
 * A host key in the page URL (`…?room=CODE&host=KEY`, a host link): `<hashdrop-room>` uses it when it has no
 * `host-key` attribute, and removes it from the address bar once it has made this browser a host.
 */

/** The `host` parameter of the page URL, or '' (also outside a browser). */
export function hostKeyInUrl(): string {
  return typeof location === 'undefined' ? '' : (new URLSearchParams(location.search).get('host') ?? '');
}

/** A query string (`?a=1&host=K&b`) without its `host` parameters; every other parameter stays as written. */
export function withoutHostKey(search: string): string {
  return search
    .slice(1)
    .split('&')
    .filter((param) => !new URLSearchParams(param).has('host'))
    .join('&');
}

/**
 * Removes a redeemed host key from the address bar and the current history entry (`history.replaceState`; every
 * other parameter, as written, and the hash stay): a secret should not travel on in the next screenshot, bookmark or
 * copied link.
 */
export function forgetHostKeyInUrl(): void {
  const url = new URL(location.href);
  url.search = withoutHostKey(url.search);
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // No history to rewrite (a sandboxed document): the key stays.
  }
}
