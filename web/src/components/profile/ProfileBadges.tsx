import { Badge, Group, Tooltip } from '@mantine/core';
import type { CustomerDetail } from '../../api/types.ts';
import { DayPreferenceIcon } from './DayPreferenceIcon.tsx';

/** Retail/fleet, prospect, INQ, eService, star rating and day preference beside the name. */
export function ProfileBadges({ customer: c }: { customer: CustomerDetail }) {
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={c.customerType === 'fleet' ? 'cyan' : 'gray'}>
        {c.customerType === 'fleet' ? 'Fleet' : 'Retail'}
      </Badge>
      {c.isProspect && (
        <Badge variant="light" color="grape">
          Prospect
        </Badge>
      )}
      {c.inquired && (
        <Tooltip label="This customer was inquired on (searched)" withArrow>
          <Badge variant="filled" color="orange" tabIndex={0}>
            INQ
          </Badge>
        </Tooltip>
      )}
      {c.eserviceUser && (
        <Tooltip label="Registered eService user" withArrow>
          <Badge variant="light" color="teal" tabIndex={0}>
            eService
          </Badge>
        </Tooltip>
      )}
      {c.starRating !== null && (
        <Tooltip label="Customer rating out of 10" withArrow>
          <Badge variant="light" color="yellow" tabIndex={0} aria-label={`Star rating ${c.starRating} out of 10`}>
            ★ {c.starRating}/10
          </Badge>
        </Tooltip>
      )}
      {c.dayPreference && <DayPreferenceIcon preference={c.dayPreference} />}
    </Group>
  );
}
