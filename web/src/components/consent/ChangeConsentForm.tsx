import { Alert, Button, Group, NativeSelect, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useRecordConsent } from '../../api/consent.queries.ts';
import {
  CHANNELS,
  LEGAL_BASES,
  PURPOSES,
  type Channel,
  type LegalBasis,
  type Purpose,
} from '../../api/consent.types.ts';
import type { Role } from '../../api/types.ts';
import { CHANNEL_LABEL, PURPOSE_LABEL } from '../../lib/contact-labels.ts';
import { errorMessage } from '../../lib/errors.ts';

const isChannel = (v: string): v is Channel => (CHANNELS as readonly string[]).includes(v);
const isPurpose = (v: string): v is Purpose => (PURPOSES as readonly string[]).includes(v);
const isBasis = (v: string): v is LegalBasis => (LEGAL_BASES as readonly string[]).includes(v);
const BASIS_OPTION: Record<LegalBasis, string> = {
  express: 'Express (the customer agreed)',
  implied_purchase: 'Implied: purchase or service',
  implied_inquiry: 'Implied: inquiry',
};

/** Records a grant or withdrawal for one channel and purpose, as the logged-in user. */
export function ChangeConsentForm({
  customerId,
  role,
  onDone,
  onCancel,
}: {
  customerId: number;
  role: Role | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const record = useRecordConsent(customerId);
  const [channel, setChannel] = useState<Channel>('email');
  const [purpose, setPurpose] = useState<Purpose>('marketing');
  const [action, setAction] = useState<'grant' | 'withdraw'>(role === 'agent' ? 'withdraw' : 'grant');
  const [basis, setBasis] = useState<LegalBasis | ''>('');
  const [wording, setWording] = useState('');
  const [basisError, setBasisError] = useState<string | null>(null);
  const granted = action === 'grant';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (granted && basis === '') {
      setBasisError('Choose the legal basis of the grant.');
      return;
    }
    const text = wording.trim();
    record.mutate(
      { channel, purpose, granted, ...(granted && basis !== '' ? { basis } : {}), ...(text ? { wording: text } : {}) },
      {
        onSuccess: () =>
          onDone(
            `${PURPOSE_LABEL[purpose]} consent by ${CHANNEL_LABEL[channel]} ${granted ? 'granted' : 'withdrawn'}.`,
          ),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Change consent">
      <Stack gap="sm">
        <NativeSelect
          label="Channel"
          value={channel}
          onChange={(e) => isChannel(e.currentTarget.value) && setChannel(e.currentTarget.value)}
          data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="consent-purpose-label">
            Purpose
          </Text>
          <SegmentedControl
            aria-labelledby="consent-purpose-label"
            value={purpose}
            onChange={(v) => isPurpose(v) && setPurpose(v)}
            data={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABEL[p] }))}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="consent-action-label">
            Change
          </Text>
          <SegmentedControl
            aria-labelledby="consent-action-label"
            value={action}
            onChange={(v) => setAction(v === 'grant' ? 'grant' : 'withdraw')}
            color={granted ? 'green' : 'red'}
            data={[
              { value: 'grant', label: 'Grant' },
              { value: 'withdraw', label: 'Withdraw' },
            ]}
          />
          {granted && role === 'agent' && (
            <Text size="xs" c="dimmed">
              Only managers and administrators can record a grant.
            </Text>
          )}
        </Stack>
        {granted && (
          <NativeSelect
            label="Legal basis"
            required
            value={basis}
            error={basisError}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setBasis(isBasis(v) ? v : '');
              setBasisError(null);
            }}
            data={[{ value: '', label: 'Choose…' }, ...LEGAL_BASES.map((b) => ({ value: b, label: BASIS_OPTION[b] }))]}
          />
        )}
        <Textarea
          label="Wording shown to the customer"
          description="Optional: what the customer saw or heard when they agreed or withdrew."
          autosize
          minRows={2}
          maxLength={4000}
          value={wording}
          onChange={(e) => setWording(e.currentTarget.value)}
        />
        {record.isError && (
          <Alert color="red" title="Not recorded" role="alert">
            {errorMessage(record.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={granted ? 'green' : 'red'} loading={record.isPending}>
            {granted ? 'Record grant' : 'Record withdrawal'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
