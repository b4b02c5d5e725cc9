import { Badge, Group, Tooltip } from '@mantine/core';
import type { ContactMethods } from '../../api/types.ts';

/** "Do Not Mail" and the CASL opt-out, beside the customer's name when set. */
export function ContactFlagBadges({ methods }: { methods: ContactMethods }) {
  if (!methods.doNotMail && !methods.caslOptOut) return null;
  return (
    <Group gap={6} wrap="wrap">
      {methods.doNotMail && (
        <Tooltip label="No letters or mailings to this customer" withArrow>
          <Badge variant="filled" color="red" tabIndex={0}>
            Do Not Mail
          </Badge>
        </Tooltip>
      )}
      {methods.caslOptOut && (
        <Tooltip label="The customer opted out of e-mail under CASL" withArrow>
          <Badge variant="outline" color="red" tabIndex={0} aria-label="CASL opt-out: the customer opted out of e-mail">
            ✉︎ CASL opt-out
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
