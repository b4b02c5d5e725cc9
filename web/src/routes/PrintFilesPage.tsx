import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useClosePrintFile, useMarkPrinted, usePrintFiles } from '../api/print-files.queries.ts';
import type { PrintFile } from '../api/print-files.types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useNotify } from '../components/Notifications.tsx';
import { PrintFilesTable } from '../components/delivery/PrintFilesTable.tsx';
import { errorMessage } from '../lib/errors.ts';
import { printGroupLabel, printSizeLabel } from '../lib/print-files.ts';
import { canManageStore } from '../lib/roles.ts';
import { useStores } from '../session/StoreContext.tsx';

/**
 * /print-files: the store's letters and postcards gathered into merged PDFs, one per batch run or
 * per day. Managers close a file early and, once it is printed and in the mail, mark it so; its
 * letters then count as delivered.
 */
export function PrintFilesPage() {
  const { store, user } = useStores();
  const files = usePrintFiles(store?.id);
  const close = useClosePrintFile(store?.id ?? 0);
  const markPrinted = useMarkPrinted(store?.id ?? 0);
  const notify = useNotify();
  // The file stays while the dialog fades out, so its text does not vanish mid-animation.
  const [confirming, setConfirming] = useState<{ file: PrintFile; open: boolean } | null>(null);
  const timeZone = store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const onClose = (file: PrintFile) =>
    close.mutate(file.id, {
      onSuccess: (f) => notify({ color: 'green', message: `Print file closed: ${printSizeLabel(f)}` }),
      onError: (e) => notify({ color: 'red', title: 'Not closed', message: errorMessage(e) }),
    });
  const onConfirmPrinted = () => {
    if (!confirming) return;
    markPrinted.mutate(confirming.file.id, {
      onSuccess: (f) => {
        setConfirming({ file: confirming.file, open: false });
        notify({ color: 'green', message: `Marked printed and mailed: ${f.delivered} delivered` });
      },
      onError: (e) => notify({ color: 'red', title: 'Not marked', message: errorMessage(e) }),
    });
  };

  return (
    <Stack gap="md">
      <Stack gap={0}>
        <Title order={1} size="h3">
          Print files
        </Title>
        <Text size="sm" c="dimmed">
          Letters and postcards printed here, gathered into one PDF per batch run or per day. A day’s file closes at
          midnight and a run’s once nothing has been added for ten minutes; download it, print it, mail it, then mark it
          printed and mailed.
        </Text>
      </Stack>
      {!store ? (
        <Alert color="yellow">You have no store assigned yet. Ask an administrator to give you access to one.</Alert>
      ) : files.isPending ? (
        <Loader size="sm" aria-label="Loading print files" />
      ) : files.isError ? (
        <Alert color="red">{errorMessage(files.error)}</Alert>
      ) : files.data.length === 0 ? (
        <Text c="dimmed">{store.name} has printed nothing yet.</Text>
      ) : (
        <PrintFilesTable
          files={files.data}
          timeZone={timeZone}
          canManage={canManageStore(user.role)}
          closingId={close.isPending ? (close.variables ?? null) : null}
          onClose={onClose}
          onMarkPrinted={(file) => setConfirming({ file, open: true })}
        />
      )}
      <ConfirmDialog
        opened={confirming?.open ?? false}
        title="Mark printed and mailed?"
        confirmLabel="Mark printed & mailed"
        loading={markPrinted.isPending}
        onConfirm={onConfirmPrinted}
        onCancel={() => setConfirming(confirming && { file: confirming.file, open: false })}
      >
        {confirming
          ? `${printGroupLabel(confirming.file)} (${printSizeLabel(confirming.file)}) will be recorded as printed and mailed by you, and its letters as delivered.`
          : ''}
      </ConfirmDialog>
    </Stack>
  );
}
