import { Badge, Group } from '@mantine/core';

/** Fleet / Prospect markers shown beside a customer's name. */
export function CustomerBadges({ customerType, isProspect }: { customerType: string; isProspect: boolean }) {
  if (customerType !== 'fleet' && !isProspect) return null;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {customerType === 'fleet' && (
        <Badge size="xs" color="cyan" variant="light">
          Fleet
        </Badge>
      )}
      {isProspect && (
        <Badge size="xs" color="grape" variant="light">
          Prospect
        </Badge>
      )}
    </Group>
  );
}
