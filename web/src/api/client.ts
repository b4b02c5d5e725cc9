/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF
 * header on state-changing requests, and every failure turned into an ApiError.
 */

/** A failed API call: the server's `{ error: { code, message } }`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** True when the error means "no session": the UI should go to the login page. */
export const isUnauthenticated = (e: unknown): boolean => isApiError(e) && e.status === 401;

let csrfToken: string | null = null;

/** Kept in memory only; login and GET /api/auth/session hand it out again after a reload. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever a request (other than the login itself) answers 401. Returns an unsubscribe. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Do not announce a 401 to the onUnauthorized listeners (the login form handles its own). */
  quiet401?: boolean;
  /** A file sent as the body as it is (an upload), with its Content-Type; instead of `body`. */
  raw?: { body: Blob; contentType: string };
}

function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const err: unknown = body.error;
    if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
      const { code, message } = err;
      if (typeof code === 'string' && typeof message === 'string') {
        return new ApiError(status, code, message, 'details' in err ? err.details : undefined);
      }
    }
  }
  return new ApiError(status, status === 0 ? 'network' : 'http_error', `The server answered ${status}. Try again.`);
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return null;
  }
}

/** Sends the request; network failures become an ApiError (status 0), an abort stays an AbortError. */
async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (options.raw) headers['content-type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.raw
        ? { body: options.raw.body }
        : options.body !== undefined
          ? { body: JSON.stringify(options.body) }
          : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
}

/** Turns a failed response into an ApiError (announcing a 401 unless told not to). */
async function failure(res: Response, options: RequestOptions): Promise<ApiError> {
  const error = errorFromBody(res.status, await readJson(res));
  if (res.status === 401 && !options.quiet401) unauthorizedListeners.forEach((l) => l());
  return error;
}

/**
 * Calls the API and returns the parsed JSON body typed as `T` (the types in ./types.ts mirror the
 * server's zod schemas, which validate every response on the way out).
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options, 'application/json');
  if (!res.ok) throw await failure(res, options);
  const body = await readJson(res);
  // The server validated this body against its response schema; trust it to match ours.
  return body as T;
}

/** Calls the API for a file (a PDF); failures are the same ApiErrors as apiRequest's. */
export async function apiBlobRequest(
  method: string,
  path: string,
  accept: string,
  options: RequestOptions = {},
): Promise<Blob> {
  const res = await send(method, path, options, `${accept}, application/json`);
  if (!res.ok) throw await failure(res, options);
  return res.blob();
}
