import type { Location } from 'react-router';

/** Router state that carries the page a logged-out user was trying to reach. */
export interface FromState {
  from: string;
}

export function fromStateOf(location: Pick<Location, 'pathname' | 'search' | 'hash'>): FromState {
  return { from: `${location.pathname}${location.search}${location.hash}` };
}

/** Where to go after logging in: the remembered page when it is one of ours, else the customer search. */
export function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    const from = state.from;
    // Same-origin paths only; "//evil.example" is protocol-relative and would leave the app.
    if (from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  }
  return '/customers';
}
