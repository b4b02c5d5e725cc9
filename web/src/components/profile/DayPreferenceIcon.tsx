import { Box, Tooltip } from '@mantine/core';
import type { DayPreference } from '../../api/types.ts';

const SUN = (
  <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="#f59f00" strokeWidth="2">
    <circle cx="12" cy="12" r="4" fill="#fcc419" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </svg>
);
const MOON = (
  <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
    <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" fill="#5c7cfa" />
  </svg>
);

/** Sun for a daytime preference, moon for late day (the customer's Day/Night preference). */
export function DayPreferenceIcon({ preference }: { preference: DayPreference }) {
  const label = preference === 'day' ? 'Prefers daytime contact' : 'Prefers late-day contact';
  return (
    <Tooltip label={label} withArrow>
      <Box
        component="span"
        role="img"
        aria-label={label}
        tabIndex={0}
        style={{ display: 'inline-flex', cursor: 'help' }}
      >
        {preference === 'day' ? SUN : MOON}
      </Box>
    </Tooltip>
  );
}
