import { Text, Tooltip } from '@mantine/core';
import type { ConsentState } from '../../api/consent.types.ts';
import { consentStateLabel } from '../../lib/contact-labels.ts';
import { formatDate } from '../../lib/format.ts';

const COLOR: Record<ConsentState['status'], string> = {
  granted: 'green.8',
  withdrawn: 'red.8',
  unknown: 'dimmed',
  expired: 'orange.8',
};

/** "Granted (express)", "Withdrawn", "Unknown" or "Expired", with the date it took effect. */
export function ConsentStateText({ state }: { state: ConsentState | undefined }) {
  if (!state) return <Text size="sm">Unknown</Text>;
  const label = consentStateLabel(state);
  const since = state.since ? `since ${formatDate(state.since)}` : null;
  const text = (
    <Text size="sm" c={COLOR[state.status]} data-testid={`consent-${state.channel}-${state.purpose}`}>
      {label}
    </Text>
  );
  return since ? (
    <Tooltip label={since} withArrow>
      {text}
    </Tooltip>
  ) : (
    text
  );
}
