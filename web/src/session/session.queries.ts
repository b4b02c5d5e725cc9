import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchSession, login, logout } from '../api/auth.ts';
import { onUnauthorized } from '../api/client.ts';
import type { Session } from '../api/types.ts';

export const SESSION_KEY = ['session'] as const;

/** The session as the server knows it: `null` when logged out. Fetched once per page load. */
export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** Forgets everything cached for the previous user and records the new session (or none). */
function replaceSession(qc: QueryClient, session: Session | null): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  qc.setQueryData(SESSION_KEY, session);
}

export function useLoginMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => login(input.email, input.password),
    onSuccess: (session) => replaceSession(qc, session),
  });
}

/**
 * Logs out, then loads the login page afresh: nothing of this user's data stays in memory, and
 * the next person to log in starts at the search, not at the page this user had open.
 */
export function useLogoutMutation() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => window.location.replace('/login'),
  });
}

/**
 * Any 401 from the API means the session has ended (expired, logged out elsewhere): drop it, and
 * the route guard sends the user to the login page, remembering where they were.
 */
export function useSessionExpiryHandler(): void {
  const qc = useQueryClient();
  useEffect(() => onUnauthorized(() => replaceSession(qc, null)), [qc]);
}
