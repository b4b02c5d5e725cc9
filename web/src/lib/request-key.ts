/**
 * Request keys for sends: one key per intended message. Retrying the same submit (after a
 * network failure, a timeout or a double click) reuses the key, so the server sends once; changing
 * anything in the form, or a send that succeeded, starts a new one.
 */

/** The key in flight and what it was made for. */
export interface KeyedSubmit {
  key: string;
  /** A stable serialisation of the request without its key. */
  signature: string;
}

/** A fresh random key (a UUID: 36 characters, within the API's 8–100). */
export function newRequestKey(): string {
  return crypto.randomUUID();
}

/** The same request as `previous` keeps its key; anything else gets a fresh one from `generate`. */
export function keyForSubmit(
  previous: KeyedSubmit | null,
  signature: string,
  generate: () => string = newRequestKey,
): KeyedSubmit {
  return previous && previous.signature === signature ? previous : { key: generate(), signature };
}

/** A stable serialisation of a request: object keys sorted, so field order does not matter. */
export function requestSignature(request: object): string {
  return JSON.stringify(request, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
