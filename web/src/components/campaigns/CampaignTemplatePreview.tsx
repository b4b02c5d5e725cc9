import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSavedPreview } from '../../api/templates.queries.ts';
import type { TemplateSummary } from '../../api/templates.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { EmailPreview } from '../templates/EmailPreview.tsx';
import { PdfPreview } from '../templates/PdfPreview.tsx';
import { PreviewCustomerPicker, type PreviewCustomer } from '../templates/PreviewCustomerPicker.tsx';
import { SmsPreview } from '../templates/SmsPreview.tsx';
import { VoicePreview } from '../templates/VoicePreview.tsx';

/** "View": the chosen template's current version as a customer (or the sample one) would get it. */
export function CampaignTemplatePreview({
  storeId,
  storeName,
  template,
  onClose,
}: {
  storeId: number;
  storeName: string;
  template: TemplateSummary;
  onClose: () => void;
}) {
  const [customer, setCustomer] = useState<PreviewCustomer | null>(null);
  const preview = useSavedPreview(template.id, null, customer?.id ?? null, true);
  const p = preview.data;
  let content;
  if (preview.isError)
    content = (
      <Alert color="orange" variant="light" p="xs" role="status">
        {errorMessage(preview.error)}
      </Alert>
    );
  else if (!p)
    content = (
      <Center p="xl">
        <Loader aria-label="Rendering the preview" />
      </Center>
    );
  else if (p.pdfUrl) content = <PdfPreview url={p.pdfUrl} title="Letter preview" />;
  else if (p.channel === 'email') content = <EmailPreview preview={p} storeName={storeName} />;
  else if (p.channel === 'sms') content = <SmsPreview text={p.text ?? ''} storeName={storeName} />;
  else if (p.channel === 'voice') content = <VoicePreview text={p.text ?? ''} />;
  else content = <Text c="dimmed">No preview for this template.</Text>;

  return (
    <Paper withBorder p="md" component="section" aria-label="Template preview">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Group gap={8} align="center">
            <Title order={2} size="h4">
              {template.name}
            </Title>
            {preview.isFetching && <Loader size={14} aria-label="Updating the preview" />}
          </Group>
          <Group gap="xs" align="flex-end">
            <PreviewCustomerPicker storeId={storeId} value={customer} onChange={setCustomer} />
            <Button variant="default" size="xs" onClick={onClose}>
              Hide
            </Button>
          </Group>
        </Group>
        {content}
      </Stack>
    </Paper>
  );
}
