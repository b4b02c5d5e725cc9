import { Alert, Center, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { BatchRoi } from '../../api/batch-status.types.ts';
import { formatLift, formatRate } from '../../lib/batch-status.ts';
import { formatMoney, formatNumber } from '../../lib/format.ts';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/**
 * What the schedule brought in over the days chosen, beside the held-out control group: the lift is
 * the difference of their response rates.
 */
export function RoiPanel({
  roi,
  isPending,
  error,
  country,
}: {
  roi: BatchRoi | undefined;
  isPending: boolean;
  error: string | null;
  country: string | undefined;
}) {
  if (error) {
    return (
      <Alert color="red" title="Cannot load the ROI" role="alert">
        {error}
      </Alert>
    );
  }
  if (isPending || !roi) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the ROI" />
      </Center>
    );
  }
  const c = roi.contacted;
  const money = (n: number | null) => (n === null ? 'n/a' : formatMoney(n, country));
  const outcome = roi.roiType === 'service' ? 'repair order' : 'deal';
  return (
    <Stack gap="md" data-testid="roi-panel">
      <Text size="sm" c="dimmed">
        {roi.roiType === 'service' ? 'Service' : 'Sales'} ROI: a contact responded when the customer had a {outcome} in
        the {roi.windowDays} days after the day of the contact (the same day does not count). Each {outcome} counts
        once, for the latest contact before it. Opted out: marked as spam, or consent withdrawn for this channel within
        the window.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure
          testId="roi-sent"
          label="Sent"
          value={formatNumber(c.sent)}
          hint={`of ${formatNumber(c.contacts)} contacted`}
        />
        <Figure testId="roi-delivered" label="Delivered" value={formatNumber(c.delivered)} />
        <Figure testId="roi-bounced" label="Bounced" value={formatNumber(c.bounced)} />
        <Figure testId="roi-opted-out" label="Opted out" value={formatNumber(c.optedOut)} />
        <Figure
          testId="roi-responded"
          label="Responded"
          value={formatNumber(c.responded)}
          hint={`${formatRate(c.responseRate)} · ${formatNumber(c.outcomes)} ${outcome}${c.outcomes === 1 ? '' : 's'}`}
        />
        <Figure
          testId="roi-revenue"
          label="Revenue"
          value={money(c.revenue)}
          hint={roi.roiType === 'service' ? 'labour + parts' : 'deals carry no amount'}
        />
      </SimpleGrid>
      {roi.roiType === 'sales' && (
        <Alert color="blue" variant="light" title="No revenue for sales">
          Deals are imported without a sale amount, so sales ROI counts the deals and shows no revenue.
        </Alert>
      )}
      <Table withTableBorder aria-label="Contacted and control group" data-testid="roi-groups" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">Customers</Table.Th>
            <Table.Th ta="right">Responded</Table.Th>
            <Table.Th ta="right">Response rate</Table.Th>
            <Table.Th ta="right">Revenue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>Contacted</Table.Td>
            <Table.Td ta="right">{formatNumber(c.contacts)}</Table.Td>
            <Table.Td ta="right">{formatNumber(c.responded)}</Table.Td>
            <Table.Td ta="right">{formatRate(c.responseRate)}</Table.Td>
            <Table.Td ta="right">{money(c.revenue)}</Table.Td>
          </Table.Tr>
          <Table.Tr data-testid="roi-control">
            <Table.Td>Control (held out, never messaged)</Table.Td>
            <Table.Td ta="right">{formatNumber(roi.control.contacts)}</Table.Td>
            <Table.Td ta="right">{formatNumber(roi.control.responded)}</Table.Td>
            <Table.Td ta="right">{formatRate(roi.control.responseRate)}</Table.Td>
            <Table.Td ta="right">{money(roi.control.revenue)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
        <Table.Caption ta="left" data-testid="roi-lift">
          Lift: {formatLift(roi.liftPoints)}
          {roi.liftPoints === null && roi.control.contacts === 0
            ? ' — no control group in these days (set a holdout percentage on the schedule to measure one)'
            : ' (contacted minus control response rate)'}
        </Table.Caption>
      </Table>
    </Stack>
  );
}
