import { Alert, Button, Group, Loader, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAddCallerId, useCallerIds, useUpdateCallerId } from '../../api/voice.queries.ts';
import type { VoiceCallerId } from '../../api/voice.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatCallerNumber } from '../../lib/voice.ts';
import { useNotify } from '../Notifications.tsx';

/** The numbers customers see when a voice drop reaches them; managers add them and switch them off. */
export function CallerIdsSection({ storeId, canManage }: { storeId: number; canManage: boolean }) {
  const callerIds = useCallerIds(storeId);
  const update = useUpdateCallerId(storeId);
  const notify = useNotify();

  const setActive = (c: VoiceCallerId, active: boolean) =>
    update.mutate(
      { id: c.id, patch: { active } },
      {
        onSuccess: () =>
          notify({
            color: 'green',
            title: active ? 'Caller ID switched on' : 'Caller ID switched off',
            message: `${c.label} (${formatCallerNumber(c.number)})`,
          }),
        onError: (e) => notify({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="caller-ids-title">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4" id="caller-ids-title">
            Caller IDs
          </Title>
          <Text size="sm" c="dimmed">
            The number a customer sees when the voice drop reaches them; calls back go there.
          </Text>
        </Stack>
        {canManage && <AddCallerIdForm storeId={storeId} />}
        {callerIds.isPending ? (
          <Loader size="sm" aria-label="Loading caller IDs" />
        ) : callerIds.isError ? (
          <Alert color="red" title="Cannot load the caller IDs" role="alert">
            {errorMessage(callerIds.error)}
          </Alert>
        ) : callerIds.data.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            No caller IDs yet. Voice drops need at least one.
          </Text>
        ) : (
          <Table aria-label="Caller IDs" verticalSpacing="xs" striped maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Number</Table.Th>
                <Table.Th>Active</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {callerIds.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} c={c.active ? undefined : 'dimmed'}>
                      {c.label}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="caller-id-number">
                    {formatCallerNumber(c.number)}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${c.label} active`}
                      checked={c.active}
                      disabled={!canManage || (update.isPending && update.variables.id === c.id)}
                      onChange={(e) => setActive(c, e.currentTarget.checked)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function AddCallerIdForm({ storeId }: { storeId: number }) {
  const [number, setNumber] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ number?: string; label?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const add = useAddCallerId(storeId);
  const notify = useNotify();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    const found = {
      ...(number.trim() === '' ? { number: 'Enter the number, with its area code.' } : {}),
      ...(label.trim() === '' ? { label: 'Give it a label, e.g. Service desk.' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      { number: number.trim(), label: label.trim() },
      {
        onSuccess: (c) => {
          notify({ color: 'green', title: 'Caller ID added', message: `${c.label}: ${formatCallerNumber(c.number)}` });
          setNumber('');
          setLabel('');
        },
        onError: (error) => setRefusal(errorMessage(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Add a caller ID" noValidate>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Number"
            placeholder="416 555 0100"
            value={number}
            onChange={(e) => {
              setNumber(e.currentTarget.value);
              setErrors((x) => ({ ...x, number: undefined }));
              setRefusal(null);
            }}
            error={errors.number}
            maxLength={40}
            w={200}
          />
          <TextInput
            label="Label"
            placeholder="Service desk"
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setErrors((x) => ({ ...x, label: undefined }));
              setRefusal(null);
            }}
            error={errors.label}
            maxLength={120}
            w={240}
          />
          <Button type="submit" loading={add.isPending} mt={25}>
            Add caller ID
          </Button>
        </Group>
        {refusal && (
          <Alert color="red" title="Not added" role="alert" p="xs" data-testid="caller-id-refusal">
            {refusal}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
