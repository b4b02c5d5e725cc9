import { Badge, Tooltip } from '@mantine/core';
import type { HistoryItem } from '../../api/delivery.types.ts';
import { STATUS_COLOR, statusText } from '../../lib/message-status.ts';

/**
 * A message's status as a coloured badge: "Sent", "Deferred until …", "Skipped: quiet hours". The
 * provider's or the rule's detail shows on hover or focus.
 */
export function MessageStatusBadge({
  message: m,
  timeZone,
}: {
  message: Pick<HistoryItem, 'status' | 'statusReason' | 'statusDetail' | 'dueAt' | 'attempts'> &
    Partial<Pick<HistoryItem, 'channel'>>;
  timeZone: string;
}) {
  const badge = (
    <Badge
      variant="light"
      color={STATUS_COLOR[m.status]}
      style={{ textTransform: 'none', cursor: m.statusDetail ? 'help' : undefined }}
      styles={{ label: { overflow: 'visible' } }}
      tabIndex={m.statusDetail ? 0 : undefined}
      data-testid="message-status"
      data-status={m.status}
    >
      {statusText(m, timeZone)}
    </Badge>
  );
  if (!m.statusDetail) return badge;
  return (
    <Tooltip label={m.statusDetail} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      {badge}
    </Tooltip>
  );
}
