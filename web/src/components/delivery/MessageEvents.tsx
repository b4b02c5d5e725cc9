import { Text, Timeline } from '@mantine/core';
import type { MessageEvent } from '../../api/delivery.types.ts';
import { formatDateTimeInZone } from '../../lib/format.ts';
import { eventColor, eventLabel } from '../../lib/message-status.ts';

/** Every attempt and result, oldest first: queued → retry scheduled → sent → delivered. */
export function MessageEvents({ events, timeZone }: { events: readonly MessageEvent[]; timeZone: string }) {
  if (events.length === 0) return <Text c="dimmed">No events recorded.</Text>;
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} aria-label="Events" data-testid="message-events">
      {events.map((e, i) => (
        <Timeline.Item
          key={i}
          color={eventColor(e.status)}
          title={
            <Text size="sm" fw={600}>
              {eventLabel(e.status)}
            </Text>
          }
        >
          {e.detail && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {e.detail}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {formatDateTimeInZone(e.at, timeZone)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
