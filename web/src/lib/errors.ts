import { isApiError } from '../api/client.ts';

/** A sentence to show a person for any failure; validation errors list what to fix. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'invalid_input' && Array.isArray(error.details)) {
      const messages = error.details.flatMap((d: unknown) => {
        if (typeof d !== 'object' || d === null || !('message' in d) || typeof d.message !== 'string') return [];
        // Name the field when the server does: "port: Too small" says what to fix.
        const field = 'field' in d && typeof d.field === 'string' && d.field ? `${d.field}: ` : '';
        return [`${field}${d.message.charAt(0).toUpperCase()}${d.message.slice(1)}`];
      });
      if (messages.length > 0) return messages.join('. ') + '.';
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
