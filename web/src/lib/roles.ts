import type { Role } from '../api/types.ts';

/** Administrators and managers change store settings; agents only read them. */
export const canManageStore = (role: Role): boolean => role === 'admin' || role === 'manager';
