import { isApiError } from '../api/client.ts';

/** A sentence to show a person for any failure; validation errors list what to fix. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'invalid_input' && Array.isArray(error.details)) {
      const messages = error.details.flatMap((d: unknown) =>
        typeof d === 'object' && d !== null && 'message' in d && typeof d.message === 'string' ? [d.message] : [],
      );
      if (messages.length > 0) return messages.map((m) => m.charAt(0).toUpperCase() + m.slice(1)).join('. ') + '.';
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
