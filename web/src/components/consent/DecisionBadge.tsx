import { Badge, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ContactDecision } from '../../api/consent.types.ts';
import { CHANNEL_LABEL, PURPOSE_LABEL, decisionStatus, formatTimeInZone } from '../../lib/contact-labels.ts';
import { formatDateTimeInZone, formatPhone } from '../../lib/format.ts';

/**
 * One cell of the contact-permissions grid: green Allowed, red Blocked, or amber Deferred when
 * quiet hours are the only obstacle. The reasons show in a tooltip on hover or focus, and are also in
 * the badge's text for screen readers (visually hidden).
 */
export function DecisionBadge({ decision: d }: { decision: ContactDecision }) {
  const status = decisionStatus(d);
  const text =
    status.kind === 'allowed'
      ? 'Allowed'
      : status.kind === 'blocked'
        ? 'Blocked'
        : `Deferred until ${d.deferUntilLocal?.slice(11) ?? formatTimeInZone(status.until, d.zone)}`;
  const details = d.reasons.map((r) => r.detail);
  if (status.kind === 'deferred') {
    details.push(
      `opens ${d.deferUntilLocal ? `${d.deferUntilLocal} (${d.zone})` : formatDateTimeInZone(status.until, d.zone)}`,
    );
  }
  if (status.kind === 'allowed' && d.target) details.push(`would use ${formatPhone(d.target)}`);
  const what = `${PURPOSE_LABEL[d.purpose]} by ${CHANNEL_LABEL[d.channel]}`;
  return (
    <Tooltip
      withArrow
      multiline
      maw={320}
      events={{ hover: true, focus: true, touch: true }}
      label={
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {what}: {text}
          </Text>
          {details.map((line, i) => (
            <Text key={i} size="xs">
              {line}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge
        variant="light"
        color={status.kind === 'allowed' ? 'green' : status.kind === 'blocked' ? 'red' : 'yellow'}
        tabIndex={0}
        data-testid={`decision-${d.channel}-${d.purpose}`}
        data-status={status.kind}
        style={{ cursor: 'help', textTransform: 'none' }}
      >
        {text}
        <VisuallyHidden>
          {` (${what})`}
          {details.length > 0 && `: ${details.join('; ')}`}
        </VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
