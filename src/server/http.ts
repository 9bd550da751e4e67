/** Reading requests and writing responses: a size-capped JSON body checked against a contract schema, and JSON out. */
import * as v from 'valibot';
import { bodyOf, type OperationWithBody } from '../contract/api.js';
import { ApiError } from './errors.js';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Bodies an adapter has already buffered (node.ts), by the Request it made from them. */
const bufferedBodies = new WeakMap<Request, Uint8Array>();

/** Tells `readText` the bytes of `request`'s body, so it need not read them back out of the Request's stream. */
export function rememberBody(request: Request, bytes: Uint8Array): void {
  bufferedBodies.set(request, bytes);
}

/**
 * Marks a handler that trades bytes with an adapter without Web streams: its routes read request bodies only through
 * `readText` (so from `rememberBody`'s bytes), and when the call's extras carry `WRITES_JSON_TEXT` its JSON answers
 * come without a body (the adapter writes `jsonTextOf(response)`). A Request or Response with a body builds a
 * ReadableStream over it, which the join route's profile showed as its largest avoidable cost; nobody read those.
 * Only the Node adapter gives the extra, and only to a handler with this mark (never to a handler wrapping ours).
 */
export const BUFFERED_IO = Symbol('hashdrop.bufferedIo');

/** In a call's extras: the adapter writes each JSON answer from `jsonTextOf`, so `json()` need not give it a body. */
export const WRITES_JSON_TEXT = Symbol('hashdrop.writesJsonText');

/** Reads the body as text, refusing more than `maxBytes` without buffering the rest. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffered = bufferedBodies.get(request);
  if (buffered !== undefined) {
    if (buffered.byteLength > maxBytes) throw tooLarge(maxBytes);
    return Buffer.from(buffered.buffer, buffered.byteOffset, buffered.byteLength).toString('utf8');
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
}

/**
 * Parses a JSON body and validates it with a strict schema. An empty body counts as `{}` when `emptyAllowed`
 * (action routes such as `end` take no body).
 */
export async function readJson<S extends v.GenericSchema>(
  request: Request,
  schema: S,
  maxBytes: number,
  emptyAllowed = false,
): Promise<v.InferOutput<S>> {
  const text = await readText(request, maxBytes);
  let value: unknown = {};
  if (text.trim() === '') {
    if (!emptyAllowed) throw new ApiError('BAD_REQUEST', 'The request needs a JSON body.');
  } else {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    }
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError('BAD_REQUEST', 'The body is not valid JSON.');
    }
  }
  // Every request body is a JSON object; valibot's object schemas would otherwise accept an array.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError('VALIDATION_FAILED', 'The body must be a JSON object.');
  }
  const arrayAt = arrayForObject(schema, value, '');
  if (arrayAt !== null) {
    const message = `${arrayAt}: Expected a JSON object, received an array.`;
    throw new ApiError('VALIDATION_FAILED', message, {}, { issues: [{ path: arrayAt, message }] });
  }
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.');
    const message = issue ? `${path ? `${path}: ` : ''}${issue.message}` : 'The body is not valid.';
    throw new ApiError('VALIDATION_FAILED', message, {}, { issues: result.issues.map((i) => pathOf(i)) });
  }
  return result.output;
}

/** The JSON body of `operationId`, read and checked against the schema the API table names for it. */
export function readBody<K extends OperationWithBody>(
  request: Request,
  operationId: K,
  maxBytes: number,
): Promise<v.InferOutput<ReturnType<typeof bodyOf<K>>['schema']>> {
  const { schema, optional } = bodyOf(operationId);
  return readJson(request, schema, maxBytes, optional);
}

interface SchemaShape {
  type: string;
  entries?: Record<string, SchemaShape>;
  wrapped?: SchemaShape;
}

/**
 * Where `value` holds an array in a place the schema wants an object, or null. valibot's object schemas take any
 * non-null object, so `{"policy": []}` would pass as an empty policy; this walks the schema's objects to refuse it.
 */
function arrayForObject(schema: v.GenericSchema, value: unknown, path: string): string | null {
  let shape = schema as unknown as SchemaShape;
  while (shape.wrapped) shape = shape.wrapped;
  if (!shape.entries) return null;
  if (Array.isArray(value)) return path || '(body)';
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, entry] of Object.entries(shape.entries)) {
    const found = arrayForObject(
      entry as unknown as v.GenericSchema,
      (value as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    );
    if (found !== null) return found;
  }
  return null;
}

function pathOf(issue: v.BaseIssue<unknown>): { path: string; message: string } {
  return { path: issue.path?.map((p) => String(p.key)).join('.') ?? '', message: issue.message };
}

/** The text of each JSON answer this module made: `json()` makes the Response without it, `withJsonBody` adds it. */
const jsonTexts = new WeakMap<Response, string>();

/**
 * A JSON answer, as yet without its body: the handler gives it one on the way out (`withJsonBody`), unless its adapter
 * writes the text itself (`WRITES_JSON_TEXT`).
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(null, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
  jsonTexts.set(response, text);
  return response;
}

/** The text of a response made by `json()` (with or without its body) and not read since; else undefined. */
export function jsonTextOf(response: Response): string | undefined {
  return response.bodyUsed ? undefined : jsonTexts.get(response);
}

/** `response` as any Web-standard caller expects it: a JSON answer of `json()` with its text as the body. */
export function withJsonBody(response: Response): Response {
  const text = jsonTexts.get(response);
  if (text === undefined || response.body !== null) return response;
  const full = new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  jsonTexts.set(full, text);
  return full;
}
