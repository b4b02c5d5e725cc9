import {
  Alert,
  Button,
  Group,
  Kbd,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { RecycleCode } from '../../api/batches.types.ts';
import { BOOKED_CODE, lineLabel, type CallResultForm } from '../../lib/calls.ts';
import { formatPhone } from '../../lib/format.ts';

/**
 * What came of the call: the recycle code (keys 1–9 in list order), a note, the number dialled,
 * the appointment's time for "appointment booked"; Log result (L or Ctrl+Enter) or give back.
 */
export function CallResultPanel({
  codes,
  form,
  onChange,
  numbers,
  timeZone,
  problem,
  onLog,
  onRelease,
  logging,
  releasing,
}: {
  codes: readonly RecycleCode[];
  form: CallResultForm;
  onChange: (form: CallResultForm) => void;
  /** The customer's numbers with their line. */
  numbers: readonly { number: string; line: string }[];
  timeZone: string;
  /** Why it was not logged: the form's check or the server's refusal. */
  problem: string | null;
  onLog: () => void;
  onRelease: () => void;
  logging: boolean;
  releasing: boolean;
}) {
  const chosen = codes.find((c) => c.id === form.recycleCodeId);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-label="Call result"
      onSubmit={(e) => {
        e.preventDefault();
        onLog();
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Result
          </Title>
          <Text size="xs" c="dimmed">
            <Kbd>1</Kbd>–<Kbd>9</Kbd> pick the result, <Kbd>L</Kbd> or <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> log it and take
            the next customer
          </Text>
        </Group>
        <Radio.Group
          label="What came of the call"
          value={form.recycleCodeId === null ? null : String(form.recycleCodeId)}
          onChange={(v) => onChange({ ...form, recycleCodeId: Number(v) })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt={6}>
            {codes.map((c, i) => (
              <Radio
                key={c.id}
                value={String(c.id)}
                label={
                  <Group gap={6} wrap="nowrap">
                    {i < 9 && <Kbd size="xs">{i + 1}</Kbd>}
                    <span>{c.name}</span>
                  </Group>
                }
                aria-label={c.name}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {chosen?.key === BOOKED_CODE && (
          <TextInput
            type="datetime-local"
            label="Appointment"
            description={`The store’s time (${timeZone})`}
            value={form.appointmentAt}
            onChange={(e) => onChange({ ...form, appointmentAt: e.currentTarget.value })}
            required
            maw={280}
          />
        )}
        <Group align="flex-start" grow>
          <Textarea
            label="Note"
            value={form.note}
            onChange={(e) => onChange({ ...form, note: e.currentTarget.value })}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Select
            label="Number dialled"
            data={numbers.map((n) => ({ value: n.number, label: `${formatPhone(n.number)} (${lineLabel(n.line)})` }))}
            value={form.phone || null}
            onChange={(v) => onChange({ ...form, phone: v ?? '' })}
            clearable
            maw={260}
          />
        </Group>
        {problem && (
          <Alert color="red" title="Not logged" role="alert" p="xs">
            {problem}
          </Alert>
        )}
        <Group justify="space-between">
          <Button type="submit" loading={logging} disabled={releasing}>
            Log result
          </Button>
          <Button variant="default" onClick={onRelease} loading={releasing} disabled={logging}>
            Skip / give back
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
