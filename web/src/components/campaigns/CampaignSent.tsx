import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Campaign } from '../../api/campaigns.types.ts';
import type { TemplateSummary } from '../../api/templates.types.ts';
import { CHANNEL_INFO } from '../../lib/campaign-form.ts';
import { formatDateTimeInZone } from '../../lib/format.ts';

/** After Send: when the campaign goes out, what Campaign Options do, and where to follow it. */
export function CampaignSent({
  campaign,
  timeZone,
  fallbackTemplate,
  queryId,
}: {
  campaign: Campaign;
  timeZone: string;
  fallbackTemplate: TemplateSummary | undefined;
  queryId: number;
}) {
  const info = CHANNEL_INFO[campaign.channel];
  const at = campaign.onceAt ?? campaign.nextRunAt;
  return (
    <Stack gap="md" data-testid="campaign-sent">
      <Alert color="green" title="Campaign scheduled" role="status">
        <Stack gap={4}>
          <Text size="sm">
            “{campaign.name}” sends {info.many}
            {at ? ` on ${formatDateTimeInZone(at, timeZone)}` : ''}.
          </Text>
          {campaign.fallbackChannel ? (
            <Text size="sm">
              Customers who cannot get {info.one} get {CHANNEL_INFO[campaign.fallbackChannel].many}
              {fallbackTemplate ? ` (“${fallbackTemplate.name}”)` : ''} instead.
            </Text>
          ) : (
            <Text size="sm">Customers who cannot get {info.one} are skipped.</Text>
          )}
        </Stack>
      </Alert>
      <Group gap="sm">
        <Button component={Link} to={`/batches/${campaign.id}/status`}>
          Campaign status
        </Button>
        <Anchor component={Link} to={`/queries/${queryId}`}>
          Back to the query
        </Anchor>
      </Group>
    </Stack>
  );
}
