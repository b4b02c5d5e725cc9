import { Alert, Button, Center, Group, Kbd, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRecycleCodes } from '../api/batches.queries.ts';
import { isApiError } from '../api/client.ts';
import {
  useCallLists,
  useLogCallResult,
  useOpenCallList,
  useReleaseCall,
  useTakeNextCall,
} from '../api/calls.queries.ts';
import type { CallEntry, CallListSummary, CallResultRequest } from '../api/calls.types.ts';
import { useCustomerProfile } from '../api/customers.queries.ts';
import { CallCustomerCard } from '../components/calls/CallCustomerCard.tsx';
import { CallResultPanel } from '../components/calls/CallResultPanel.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useNotify } from '../components/Notifications.tsx';
import {
  callCodes,
  callShortcut,
  emptyResultForm,
  needsConfirmation,
  resultRequest,
  type CallResultForm,
} from '../lib/calls.ts';
import { errorMessage } from '../lib/errors.ts';
import { useStores } from '../session/StoreContext.tsx';

/** Letters and digits typed here are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  // A read-only input is a picker (the list); a radio is the result.
  if (target instanceof HTMLInputElement)
    return !target.readOnly && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return false;
}

/**
 * /calls: Call Select. The agent picks a list (a contact type or a saved query), takes the next
 * customer (N), dials the number shown, picks the result (1–9), logs it (L or Ctrl+Enter) and gets
 * the next customer at once; or gives the customer back. "Wrong number" is confirmed first.
 */
export function CallSelectPage() {
  const { store } = useStores();
  const storeId = store?.id ?? 0;
  const lists = useCallLists(store?.id);
  const recycleCodes = useRecycleCodes(store?.id);
  const codes = useMemo(() => callCodes(recycleCodes.data ?? []), [recycleCodes.data]);
  const open = useOpenCallList(storeId);
  const next = useTakeNextCall(storeId);
  const release = useReleaseCall();
  const log = useLogCallResult();
  const notify = useNotify();

  const [listKey, setListKey] = useState<string | null>(null);
  const [summary, setSummary] = useState<CallListSummary | null>(null);
  const [entry, setEntry] = useState<CallEntry | null>(null);
  const [empty, setEmpty] = useState(false);
  const [form, setForm] = useState<CallResultForm>(emptyResultForm(null));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ request: CallResultRequest; message: string } | null>(null);
  const profile = useCustomerProfile(entry?.customerId ?? null);
  const timeZone = store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const numbers = useMemo(() => {
    const c = profile.data?.customer;
    const all = c
      ? [
          { number: c.cellPhone, line: 'cell_phone' },
          { number: c.homePhone, line: 'home_phone' },
          { number: c.workPhone, line: 'work_phone' },
        ]
      : [];
    const found = all.filter((n): n is { number: string; line: string } => n.number !== null);
    if (entry?.dial && !found.some((n) => n.number === entry.dial?.number))
      found.unshift({ number: entry.dial.number, line: entry.dial.line });
    return found;
  }, [profile.data, entry]);

  const refreshSummary = (key: string) =>
    open.mutate(key, { onSuccess: setSummary, onError: (e) => setError(errorMessage(e)) });

  const chooseList = (key: string | null) => {
    setListKey(key);
    setSummary(null);
    setEntry(null);
    setEmpty(false);
    setError(null);
    if (key) refreshSummary(key);
  };

  const takeNext = () => {
    if (!listKey || entry || next.isPending) return;
    setError(null);
    next.mutate(listKey, {
      onSuccess: (taken) => {
        setEntry(taken);
        setEmpty(taken === null);
        setForm(emptyResultForm(taken?.dial?.number ?? null));
        setProblem(null);
        refreshSummary(listKey);
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };

  const send = (request: CallResultRequest) => {
    if (!entry) return;
    log.mutate(
      { entryId: entry.entryId, customerId: entry.customerId, request },
      {
        onSuccess: () => {
          const code = codes.find((c) => c.id === request.recycleCodeId);
          notify({ color: 'green', title: 'Result logged', message: `${entry.customerName}: ${code?.name ?? ''}.` });
          setConfirming(null);
          setEntry(null);
          // Straight on to the next customer.
          if (listKey) {
            next.mutate(listKey, {
              onSuccess: (taken) => {
                setEntry(taken);
                setEmpty(taken === null);
                setForm(emptyResultForm(taken?.dial?.number ?? null));
                setProblem(null);
                refreshSummary(listKey);
              },
              onError: (e) => setError(errorMessage(e)),
            });
          }
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'confirmation_required') {
            setConfirming({ request, message: e.message });
            return;
          }
          setConfirming(null);
          setProblem(errorMessage(e));
        },
      },
    );
  };

  const logResult = () => {
    if (!entry || log.isPending) return;
    const built = resultRequest(form, codes, timeZone, new Date());
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    const code = codes.find((c) => c.id === built.request.recycleCodeId);
    if (needsConfirmation(code)) {
      setConfirming({
        request: built.request,
        message: `Confirm that ${built.request.phone ?? 'the number'} is a wrong number: it will not be called or texted again until someone verifies it.`,
      });
      return;
    }
    send(built.request);
  };

  const giveBack = () => {
    if (!entry) return;
    release.mutate(entry.entryId, {
      onSuccess: () => {
        notify({ color: 'blue', title: 'Given back', message: `${entry.customerName} is back on the list.` });
        setEntry(null);
        if (listKey) refreshSummary(listKey);
      },
      onError: (e) => setProblem(errorMessage(e)),
    });
  };

  // The keyboard: the latest handlers without re-subscribing on every render.
  const keys = useRef({ takeNext, logResult, pick: (_i: number) => {}, blocked: false });
  keys.current = {
    takeNext,
    logResult,
    pick: (i: number) => {
      const code = codes[i];
      if (entry && code) setForm((f) => ({ ...f, recycleCodeId: code.id }));
    },
    blocked: confirming !== null,
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (keys.current.blocked || e.repeat) return;
      const action = callShortcut({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        typing: isTyping(e.target),
      });
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'next') keys.current.takeNext();
      else if (action.kind === 'log') keys.current.logResult();
      else if (action.kind === 'code') keys.current.pick(action.index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  let body;
  if (!store) {
    body = (
      <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
    );
  } else if (lists.isPending || recycleCodes.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading Call Select" />
      </Center>
    );
  } else if (lists.isError || recycleCodes.isError) {
    body = (
      <Alert color="red" title="Cannot load Call Select" role="alert">
        {errorMessage(lists.error ?? recycleCodes.error)}
      </Alert>
    );
  } else {
    const contactTypes = lists.data.filter((l) => l.kind === 'contact_type');
    const queries = lists.data.filter((l) => l.kind === 'query');
    body = (
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-label="Call list">
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label="List"
              placeholder="Pick a list"
              data={[
                { group: 'Contact types', items: contactTypes.map((l) => ({ value: l.key, label: l.name })) },
                ...(queries.length
                  ? [{ group: 'Saved queries', items: queries.map((l) => ({ value: l.key, label: l.name })) }]
                  : []),
              ]}
              value={listKey}
              onChange={chooseList}
              w={300}
            />
            <Button onClick={takeNext} disabled={!listKey || entry !== null} loading={next.isPending}>
              Next customer&nbsp;<Kbd size="xs">N</Kbd>
            </Button>
            {open.isPending && !summary && <Loader size="sm" aria-label="Opening the list" />}
            {summary && (
              <Text size="sm" data-testid="list-summary" role="status">
                <b>{summary.open}</b> of {summary.size} left to call today
                {summary.purpose === 'marketing' ? ' (marketing calls)' : ''}
              </Text>
            )}
          </Group>
        </Paper>
        {error && (
          <Alert color="red" title="Call Select" role="alert" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        {empty && !entry && (
          <Alert color="blue" role="status" data-testid="list-done">
            Nobody left to call on this list right now. Customers outside their calling hours come back when their
            window opens.
          </Alert>
        )}
        {!entry && !empty && listKey && !next.isPending && (
          <Text size="sm" c="dimmed">
            Press <Kbd>N</Kbd> or “Next customer” to take the next customer on the list.
          </Text>
        )}
        {entry && (
          <CallCustomerCard key={entry.entryId} entry={entry}>
            <CallResultPanel
              codes={codes}
              form={form}
              onChange={setForm}
              numbers={numbers}
              timeZone={timeZone}
              problem={problem}
              onLog={logResult}
              onRelease={giveBack}
              logging={log.isPending}
              releasing={release.isPending}
            />
          </CallCustomerCard>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            Call Select
          </Title>
          <Text size="sm" c="dimmed">
            Today’s call lists: take the next customer, call, log what came of it. Nobody else gets a customer you hold.
          </Text>
        </Stack>
        {store && (
          <Text size="sm" c="dimmed">
            {store.name} ({store.code})
          </Text>
        )}
      </Group>
      {body}
      <ConfirmDialog
        opened={confirming !== null}
        title="Wrong number?"
        confirmLabel="Yes, wrong number"
        onConfirm={() => confirming && send({ ...confirming.request, confirmWrongNumber: true })}
        onCancel={() => setConfirming(null)}
        loading={log.isPending}
      >
        {confirming?.message}
      </ConfirmDialog>
    </Stack>
  );
}
