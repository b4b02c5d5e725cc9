import { DomainError } from './errors.ts';

const UNIQUE_VIOLATION = '23505';

/** Whether a database error is a unique violation of `constraint` (pg and PGlite both carry these fields). */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, constraint: name, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
  return code === UNIQUE_VIOLATION && String(name ?? message).includes(constraint);
}

/** Runs `work`; a unique violation of `constraint` becomes a 409 `conflict` saying `message`. */
export async function conflictOnDuplicate<T>(constraint: string, message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e, constraint)) throw new DomainError('conflict', message);
    throw e;
  }
}
