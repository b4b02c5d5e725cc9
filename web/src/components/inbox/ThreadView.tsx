import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useStoreStaff } from '../../api/campaigns.queries.ts';
import { isApiError } from '../../api/client.ts';
import { useAssignTextThread, useReplyToText, useTextThread } from '../../api/inbox.queries.ts';
import type { TextMessage, TextThreadSummary } from '../../api/inbox.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone, formatShortDateTimeInZone } from '../../lib/format.ts';
import { keyForSubmit, requestSignature, type KeyedSubmit } from '../../lib/request-key.ts';
import { isMessageStatus, STATUS_COLOR, STATUS_LABEL } from '../../lib/message-status.ts';

function Bubble({ m, timeZone }: { m: TextMessage; timeZone: string }) {
  const out = m.direction === 'out';
  return (
    <Group justify={out ? 'flex-end' : 'flex-start'} role="listitem" data-direction={m.direction}>
      <Paper
        p="xs"
        radius="md"
        maw="75%"
        bg={out ? 'indigo.6' : 'gray.1'}
        c={out ? 'white' : undefined}
        data-testid={out ? 'bubble-out' : 'bubble-in'}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.body}
        </Text>
        <Text size="xs" c={out ? 'indigo.1' : 'dimmed'} mt={2}>
          {formatShortDateTimeInZone(m.at, timeZone)}
          {out ? ` · ${m.by ?? 'Automation'}` : ' · customer'}
        </Text>
      </Paper>
      {out && m.status && (
        <Badge
          variant="light"
          size="sm"
          color={isMessageStatus(m.status) ? STATUS_COLOR[m.status] : 'gray'}
          style={{ textTransform: 'none' }}
          data-testid="message-status"
        >
          {isMessageStatus(m.status) ? STATUS_LABEL[m.status] : m.status}
        </Badge>
      )}
    </Group>
  );
}

/** One customer's texts both ways as bubbles, who the thread is assigned to, and the reply box. */
export function ThreadView({
  customerId,
  summary,
  storeId,
  timeZone,
}: {
  customerId: number;
  summary: TextThreadSummary | undefined;
  storeId: number;
  timeZone: string;
}) {
  const thread = useTextThread(customerId);
  const staff = useStoreStaff(storeId);
  const assign = useAssignTextThread(customerId);
  const reply = useReplyToText(customerId);
  const [body, setBody] = useState('');
  const [blocked, setBlocked] = useState<string | null>(null);
  const keyed = useRef<KeyedSubmit | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const count = thread.data?.messages.length ?? 0;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);

  const send = () => {
    const text = body.trim();
    if (!text || reply.isPending) return;
    keyed.current = keyForSubmit(keyed.current, requestSignature({ customerId, body: text }));
    setBlocked(null);
    reply.mutate(
      { body: text, requestKey: keyed.current.key },
      {
        onSuccess: () => {
          keyed.current = null;
          setBody('');
        },
        onError: (e) => setBlocked(errorMessage(e)),
      },
    );
  };

  const name = thread.data?.customerName ?? summary?.customerName ?? '';
  return (
    <Paper withBorder p="md" component="section" aria-label={`Texts with ${name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {name}
            </Title>
            <Group gap="xs">
              {summary?.number && (
                <Text size="sm" c="dimmed">
                  {formatPhone(summary.number)}
                </Text>
              )}
              <Anchor component={Link} to={`/customers/${customerId}`} size="sm">
                Profile
              </Anchor>
            </Group>
          </Stack>
          <Select
            label="Assigned to"
            size="xs"
            w={220}
            placeholder="Nobody"
            data={(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={summary?.assignedTo ? String(summary.assignedTo.id) : null}
            onChange={(v) => assign.mutate(v === null ? null : Number(v))}
            clearable
            disabled={assign.isPending || staff.isPending}
            error={assign.isError ? errorMessage(assign.error) : undefined}
          />
        </Group>
        {thread.isPending ? (
          <Center p="md">
            <Loader size="sm" aria-label="Loading the texts" />
          </Center>
        ) : thread.isError ? (
          <Alert color="red" title="Cannot load the texts" role="alert">
            {errorMessage(thread.error)}
          </Alert>
        ) : (
          <Box mah={480} style={{ overflowY: 'auto' }}>
            <Stack gap={6} role="list" aria-label="Texts">
              {thread.data.messages.map((m) => (
                <Bubble key={`${m.direction}-${m.id}`} m={m} timeZone={timeZone} />
              ))}
              <div ref={end} />
            </Stack>
          </Box>
        )}
        {blocked && (
          <Alert
            color={isApiError(reply.error) && reply.error.code === 'reply_blocked' ? 'yellow' : 'red'}
            title="Not sent"
            role="alert"
            withCloseButton
            onClose={() => setBlocked(null)}
          >
            {blocked}
          </Alert>
        )}
        <form
          aria-label="Reply"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <Stack gap={6}>
            <Textarea
              label="Reply"
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  send();
                }
              }}
              autosize
              minRows={2}
              maxLength={1600}
              description="Ctrl+Enter sends. Sent now as a service text when allowed, else as marketing; never in the customer’s quiet hours."
            />
            <Group justify="flex-end">
              <Button type="submit" loading={reply.isPending} disabled={!body.trim()}>
                Send reply
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
