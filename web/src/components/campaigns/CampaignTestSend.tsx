import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { searchCustomers } from '../../api/customers.ts';
import { sendTemplateTest } from '../../api/templates.ts';
import { sendTestDrop } from '../../api/voice.ts';
import type { CustomerListRow } from '../../api/types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone } from '../../lib/format.ts';
import { keyForSubmit, requestSignature, type KeyedSubmit } from '../../lib/request-key.ts';

const DEBOUNCE_MS = 250;

/** Where a test goes: typed in, or a customer's cell or e-mail (then rendered for that customer). */
interface TestTarget {
  to: string;
  customer: { id: number; name: string } | null;
}

/**
 * "Send test": the chosen template to a number or address typed in, or to a customer found by
 * search (rendered for them); for a voice drop, the chosen recording with the chosen caller ID to
 * a number typed in or a customer's cell (or home) phone.
 */
export function CampaignTestSend({
  storeId,
  channel,
  templateId,
  drop,
}: {
  storeId: number;
  channel: 'email' | 'sms' | 'voice';
  templateId: number | null;
  /** Voice drops: what the test plays and shows. */
  drop?: { recordingId: number | null; callerIdId: number | null };
}) {
  const [target, setTarget] = useState<TestTarget>({ to: '', customer: null });
  const keyed = useRef<KeyedSubmit | null>(null);
  const email = channel === 'email';
  const voice = channel === 'voice';
  const ready = voice ? Boolean(drop?.recordingId && drop.callerIdId) : templateId !== null;
  const send = useMutation({
    mutationFn: () => {
      if (voice) {
        if (!drop?.recordingId || !drop.callerIdId) throw new Error('Choose the audio file and caller ID first.');
        const request = { to: target.to.trim(), callerIdId: drop.callerIdId };
        keyed.current = keyForSubmit(keyed.current, requestSignature({ recordingId: drop.recordingId, ...request }));
        return sendTestDrop(drop.recordingId, { ...request, requestKey: keyed.current.key });
      }
      if (templateId === null) throw new Error('Choose a template first.');
      const request = { to: target.to.trim(), customerId: target.customer?.id ?? null };
      keyed.current = keyForSubmit(keyed.current, requestSignature({ templateId, ...request }));
      return sendTemplateTest(templateId, { ...request, requestKey: keyed.current.key });
    },
    onSuccess: () => {
      keyed.current = null;
    },
  });
  const change = (next: TestTarget) => {
    setTarget(next);
    send.reset();
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Send test">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Send test
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={email ? 'Test to e-mail' : voice ? 'Test to phone number' : 'Test to cell number'}
              placeholder={email ? 'you@dealer.com' : '902 555 0100'}
              value={target.to}
              onChange={(e) => change({ to: e.currentTarget.value, customer: null })}
              w={260}
            />
            <TestCustomerSearch
              storeId={storeId}
              channel={channel}
              onPick={(c) => {
                const to = (email ? c.email : voice ? (c.cellPhone ?? c.homePhone) : c.cellPhone) ?? '';
                change({ to: email ? to : formatPhone(to), customer: { id: c.id, name: c.displayName } });
              }}
            />
            <Button
              type="submit"
              variant="default"
              loading={send.isPending}
              disabled={!ready || target.to.trim() === ''}
            >
              {email ? 'Send test e-mail' : voice ? 'Send test drop' : 'Send test SMS'}
            </Button>
          </Group>
        </form>
        {target.customer && !voice && (
          <Text size="sm" data-testid="test-customer">
            Rendered for {target.customer.name}.
          </Text>
        )}
        {!ready && (
          <Text size="xs" c="dimmed">
            {voice
              ? 'Choose the audio file and caller ID to send a test drop.'
              : 'Choose a template to send a test of it.'}
          </Text>
        )}
        {send.isError && (
          <Alert color="red" p="xs" role="alert">
            {errorMessage(send.error)}
          </Alert>
        )}
        {send.isSuccess && (
          <Alert color="green" p="xs" role="status" data-testid="test-sent">
            {voice
              ? `Test drop queued to ${send.data.target ?? target.to}: it goes out on its own voice port, marked [Test].`
              : `Test queued: it goes to ${send.data.target ?? target.to} through the outbox, marked [Test].`}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** The customer search (as on the Customers screen), showing each customer's cell or e-mail. */
function TestCustomerSearch({
  storeId,
  channel,
  onPick,
}: {
  storeId: number;
  channel: 'email' | 'sms' | 'voice';
  onPick: (customer: CustomerListRow) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const results = useQuery({
    queryKey: ['customers', 'search', storeId, debounced],
    queryFn: ({ signal }) => searchCustomers(storeId, debounced, signal),
    enabled: debounced.length >= 2,
  });
  const { data, byId } = useMemo(() => {
    const contactOf = (c: CustomerListRow) =>
      channel === 'email' ? c.email : channel === 'voice' ? (c.cellPhone ?? c.homePhone) : c.cellPhone;
    const byId = new Map<string, CustomerListRow>();
    const data = (results.data ?? []).map((c) => {
      byId.set(String(c.id), c);
      const contact = contactOf(c);
      return {
        value: String(c.id),
        label: `${c.displayName} · ${contact ? (channel === 'email' ? contact : formatPhone(contact)) : channel === 'email' ? 'no e-mail' : 'no cell'}`,
        disabled: !contact,
      };
    });
    return { data, byId };
  }, [results.data, channel]);

  return (
    <Select
      label="Or find a customer"
      placeholder="Name, phone, plate…"
      w={300}
      searchable
      data={data}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.length >= 2 && !results.isFetching ? 'No customer matches' : 'Type a name, phone or plate'
      }
      rightSection={results.isFetching ? <Loader size={12} aria-label="Searching customers" /> : undefined}
      onChange={(v) => {
        const c = v === null ? undefined : byId.get(v);
        if (c) {
          onPick(c);
          setSearch('');
        }
      }}
    />
  );
}
