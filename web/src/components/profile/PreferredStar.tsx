import { Text, Tooltip } from '@mantine/core';

export const PREFERRED_LABEL = 'Preferred Method of Contact';

/** The yellow star beside the customer's preferred contact method. */
export function PreferredStar() {
  return (
    <Tooltip label={PREFERRED_LABEL} withArrow>
      <Text
        span
        c="yellow.6"
        fz="md"
        lh={1}
        role="img"
        aria-label={PREFERRED_LABEL}
        tabIndex={0}
        style={{ cursor: 'help' }}
      >
        ★
      </Text>
    </Tooltip>
  );
}
