/**
 * The Request the Node adapter hands our own handler (one marked `BUFFERED_IO`, see http.ts): its URL, method and
 * headers, and an abort signal, with nothing else behind them.
 *
 * Why not `new Request()`: undici's constructor parses the URL again, copies the headers into a second list and makes
 * an AbortController and a signal that follows ours for every request, whether or not anyone listens. On the join
 * route that was about a twentieth of the endpoint's CPU. Our handler reads a body only through `readText`, from the
 * bytes the adapter remembered, and a signal only on the long-poll (a GET, which the adapter gives one of its own).
 *
 * Its prototype is Request's, so `instanceof Request` holds and types line up; anything of Request's this does not
 * define (`clone()`, `text()`, `cache`…) throws a TypeError, as undici's getters do on a foreign object, rather than
 * quietly answering wrongly.
 */
export class BufferedRequest {
  /** A signal nobody aborts, for requests the adapter does not follow (all but a GET). */
  static readonly #never = new AbortController().signal;

  // Private fields behind getters: a plain property could not be set over Request.prototype's getter of that name.
  readonly #url: string;
  readonly #method: string;
  readonly #headers: Headers;
  readonly #signal: AbortSignal;

  constructor(url: string, method: string, headers: Headers, signal?: AbortSignal) {
    this.#url = url;
    this.#method = method;
    this.#headers = headers;
    this.#signal = signal ?? BufferedRequest.#never;
  }

  get url(): string {
    return this.#url;
  }

  get method(): string {
    return this.#method;
  }

  get headers(): Headers {
    return this.#headers;
  }

  get signal(): AbortSignal {
    return this.#signal;
  }

  /** No stream: the bytes, if any, are with `rememberBody`. */
  get body(): null {
    return null;
  }

  get bodyUsed(): boolean {
    return false;
  }
}
Object.setPrototypeOf(BufferedRequest.prototype, Request.prototype);

/** A BufferedRequest, typed as the Request it stands in for. */
export function bufferedRequest(url: string, method: string, headers: Headers, signal?: AbortSignal): Request {
  return new BufferedRequest(url, method, headers, signal) as unknown as Request;
}
