import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSavedPreview } from '../../api/templates.queries.ts';
import type { TemplateChannel, TemplatePreview } from '../../api/templates.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { isPrintChannel } from '../../lib/template-form.ts';
import { EmailPreview } from './EmailPreview.tsx';
import { PdfPreview } from './PdfPreview.tsx';
import { PreviewCustomerPicker, type PreviewCustomer } from './PreviewCustomerPicker.tsx';
import { SmsPreview } from './SmsPreview.tsx';
import type { LivePreview } from './useLivePreview.ts';
import { VoicePreview } from './VoicePreview.tsx';

/** Which render the panel shows: the draft being typed, or a saved version (read-only). */
export type PreviewSource =
  { kind: 'draft'; live: LivePreview } | { kind: 'version'; templateId: number; version: number };

/** The preview column: "Preview as" a customer, then the message as the channel delivers it. */
export function PreviewPanel({
  storeId,
  storeName,
  channel,
  source,
  customer,
  onCustomerChange,
  onBackToDraft,
  onRestoreVersion,
}: {
  storeId: number;
  storeName: string;
  channel: TemplateChannel;
  source: PreviewSource;
  customer: PreviewCustomer | null;
  onCustomerChange: (customer: PreviewCustomer | null) => void;
  onBackToDraft: () => void;
  /** Copies the version shown into the editor; absent for read-only users. */
  onRestoreVersion?: (() => void) | undefined;
}) {
  const viewing = source.kind === 'version' ? source : null;
  const saved = useSavedPreview(
    viewing?.templateId ?? 0,
    viewing?.version ?? null,
    customer?.id ?? null,
    viewing !== null,
  );

  let content: ReactNode;
  let updating: boolean;
  if (source.kind === 'version') {
    updating = saved.isFetching;
    if (saved.isError) content = <PreviewAlert>{errorMessage(saved.error)}</PreviewAlert>;
    else if (!saved.data) content = <PreviewLoading />;
    else content = <ChannelPreview preview={saved.data} pdfUrl={saved.data.pdfUrl} storeName={storeName} />;
  } else {
    const { live } = source;
    updating = live.updating;
    if (!live.hasDraft) {
      content = (
        <Paper withBorder p="xl" ta="center" c="dimmed">
          Write the message to see it as {customer ? customer.label : 'the sample customer'} would.
        </Paper>
      );
    } else if (isPrintChannel(channel) ? !live.pdfUrl : !live.preview) {
      content = live.problems.length > 0 || live.otherError ? null : <PreviewLoading />;
    } else {
      content = (
        <Stack gap={4} style={{ opacity: live.stale && !live.updating ? 0.55 : 1, transition: 'opacity 120ms' }}>
          <ChannelPreview preview={live.preview} pdfUrl={live.pdfUrl} storeName={storeName} />
        </Stack>
      );
    }
    if (live.hasDraft && (live.problems.length > 0 || live.otherError)) {
      content = (
        <Stack gap="xs">
          <PreviewAlert>
            {live.otherError ??
              `Fix the ${live.problems.length === 1 ? 'problem' : `${live.problems.length} problems`} marked in the template to update the preview.`}
          </PreviewAlert>
          {content}
        </Stack>
      );
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Preview">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Group gap={8} align="center">
            <Title order={2} size="h4">
              Preview
            </Title>
            {updating && <Loader size={14} aria-label="Updating the preview" />}
          </Group>
          <PreviewCustomerPicker storeId={storeId} value={customer} onChange={onCustomerChange} />
        </Group>
        {viewing && (
          <Alert color="blue" variant="light" p="xs" data-testid="version-banner">
            <Group justify="space-between" gap="xs">
              <Group gap={6}>
                <Badge variant="filled" color="blue">
                  Version {viewing.version}
                </Badge>
                <Text size="sm">Read-only: this is what sends of that version used.</Text>
              </Group>
              <Group gap={6}>
                {onRestoreVersion && (
                  <Button size="compact-xs" variant="default" onClick={onRestoreVersion}>
                    Copy into the editor
                  </Button>
                )}
                <Button size="compact-xs" onClick={onBackToDraft}>
                  Back to the draft
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
        {content}
      </Stack>
    </Paper>
  );
}

function ChannelPreview({
  preview,
  pdfUrl,
  storeName,
}: {
  preview: TemplatePreview | null;
  pdfUrl: string | null;
  storeName: string;
}) {
  if (pdfUrl) return <PdfPreview url={pdfUrl} title="Letter preview" />;
  if (!preview) return null;
  switch (preview.channel) {
    case 'email':
      return <EmailPreview preview={preview} storeName={storeName} />;
    case 'sms':
      return <SmsPreview text={preview.text ?? ''} storeName={storeName} />;
    case 'voice':
      return <VoicePreview text={preview.text ?? ''} />;
    case 'letter':
    case 'postcard':
      return null;
  }
}

function PreviewLoading() {
  return (
    <Center p="xl">
      <Loader aria-label="Rendering the preview" />
    </Center>
  );
}

function PreviewAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="orange" variant="light" p="xs" role="status" data-testid="preview-alert">
      <Text size="sm">{children}</Text>
    </Alert>
  );
}
