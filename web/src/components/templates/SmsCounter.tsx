import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { SmsFigures } from '../../api/templates.types.ts';
import { smsCounterAdvice, smsCounterLabel, smsCounterTone } from '../../lib/sms-counter.ts';

/**
 * "GSM-7 · 142 characters · 1 segment" for the text as the sample customer would get it (opt-out
 * line included), orange when it costs more than one plain message, with the smart-quote fix
 * offered when there are smart quotes to fix.
 */
export function SmsCounter({
  figures,
  updating,
  hasSmartQuotes,
  onReplaceSmartQuotes,
}: {
  figures: SmsFigures | null;
  updating: boolean;
  hasSmartQuotes: boolean;
  /** Absent for read-only users. */
  onReplaceSmartQuotes?: (() => void) | undefined;
}) {
  const tone = figures ? smsCounterTone(figures) : 'ok';
  const advice = figures ? smsCounterAdvice(figures) : null;
  return (
    <Stack gap={6} data-testid="sms-counter-area">
      <Group gap={6} wrap="nowrap">
        <Text
          size="sm"
          fw={600}
          ff="monospace"
          c={tone === 'warning' ? 'orange.8' : 'teal.8'}
          data-testid="sms-counter"
          aria-live="polite"
        >
          {figures ? smsCounterLabel(figures) : '—'}
        </Text>
        {updating && <Loader size={12} aria-label="Counting" />}
      </Group>
      {(advice || hasSmartQuotes) && (
        <Alert color="orange" variant="light" p="xs" role="status">
          <Group gap="sm" justify="space-between" wrap="nowrap">
            <Text size="xs">
              {hasSmartQuotes
                ? 'Smart quotes, dashes or ellipses (‘ ’ “ ” – — …) are not in the GSM-7 alphabet: they make the whole text UCS-2, 70 characters a message instead of 160.'
                : advice}
            </Text>
            {hasSmartQuotes && onReplaceSmartQuotes && (
              <Button
                size="compact-sm"
                color="orange"
                variant="filled"
                onClick={onReplaceSmartQuotes}
                style={{ flexShrink: 0 }}
              >
                Replace smart quotes
              </Button>
            )}
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
