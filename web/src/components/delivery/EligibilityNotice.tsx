import { Alert, Code, List, Loader, Group, Text } from '@mantine/core';
import type { EligibilityReason, Purpose } from '../../api/consent.types.ts';
import type { Eligibility, SendChannel } from '../../api/delivery.types.ts';
import { decisionStatus } from '../../lib/contact-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { CHANNEL_LABELS, PURPOSE_LABELS } from '../../lib/template-labels.ts';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Reasons({ reasons }: { reasons: readonly EligibilityReason[] }) {
  return (
    <List size="sm" spacing={2} data-testid="eligibility-reasons">
      {reasons.map((r) => (
        <List.Item key={`${r.code}:${r.detail}`}>
          {sentence(r.detail)}{' '}
          <Code fz="xs" c="dimmed">
            {r.code}
          </Code>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * May this customer get this message now: green, amber (held for quiet hours) or red with the
 * reasons. A send the server refused (`refused`, from a 422 not_eligible) shows its reasons the same way.
 */
export function EligibilityNotice({
  channel,
  purpose,
  eligibility,
  loading,
  error,
  refused,
}: {
  channel: SendChannel;
  purpose: Purpose;
  eligibility: Eligibility | undefined;
  loading: boolean;
  error: unknown;
  refused: EligibilityReason[] | null;
}) {
  const what = `${PURPOSE_LABELS[purpose].toLowerCase()} ${channel === 'email' ? 'e-mail' : 'text'}`;
  if (refused) {
    return (
      <Alert
        color="red"
        title="Not sent: this customer cannot get this message"
        role="alert"
        data-testid="send-eligibility"
        data-status="refused"
      >
        <Reasons reasons={refused} />
      </Alert>
    );
  }
  if (loading || (!eligibility && !error)) {
    return (
      <Alert color="gray" variant="light" p="xs" data-testid="send-eligibility" data-status="loading">
        <Group gap={8}>
          <Loader size={14} />
          <Text size="sm">Checking whether this customer can get a {what}…</Text>
        </Group>
      </Alert>
    );
  }
  if (!eligibility) {
    return (
      <Alert color="yellow" variant="light" p="xs" data-testid="send-eligibility" data-status="unknown">
        <Text size="sm">
          Cannot check the permissions now ({errorMessage(error)}). The server checks again on sending.
        </Text>
      </Alert>
    );
  }
  const status = decisionStatus(eligibility);
  switch (status.kind) {
    case 'allowed':
      return (
        <Alert color="green" variant="light" p="xs" data-testid="send-eligibility" data-status="allowed" role="status">
          <Text size="sm">
            <b>Allowed.</b> This customer can get a {what} now.
          </Text>
        </Alert>
      );
    case 'deferred':
      return (
        <Alert
          color="yellow"
          variant="light"
          p="xs"
          data-testid="send-eligibility"
          data-status="deferred"
          role="status"
        >
          <Text size="sm">
            <b>Held for quiet hours.</b> The {CHANNEL_LABELS[channel].toLowerCase()} waits until{' '}
            {eligibility.deferUntilLocal ?? status.until} ({eligibility.zone}), the customer’s time.
          </Text>
        </Alert>
      );
    case 'blocked':
      return (
        <Alert
          color="red"
          variant="light"
          title={`Not allowed: this customer cannot get a ${what}`}
          data-testid="send-eligibility"
          data-status="blocked"
          role="status"
        >
          <Reasons reasons={eligibility.reasons} />
        </Alert>
      );
  }
}
