import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExportKind } from '../../api/exports.types.ts';
import { confirmationOf } from '../../lib/exports.ts';

/**
 * Before a partner is switched on: CustomerLink and MechanicNET warn that the store's data is
 * sent at the user's request; CARFAX shows its terms of service, to be agreed to. Nothing is
 * sent until the user confirms.
 */
export function SwitchOnDialog({
  opened,
  kind,
  consentText,
  loading,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  kind: ExportKind;
  consentText: string;
  loading: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [agreed, setAgreed] = useState(false);
  const { title, sentence, confirmLabel } = confirmationOf(kind);
  const terms = sentence === null;
  const close = () => {
    setAgreed(false);
    onCancel();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered size={terms ? 'lg' : 'md'}>
      <Stack gap="sm">
        {terms ? (
          <ScrollArea.Autosize mah={280} type="auto">
            <Text size="sm" data-testid="export-terms">
              {consentText}
            </Text>
          </ScrollArea.Autosize>
        ) : (
          <Alert color="orange" title="Customer data leaves Forecourt" data-testid="export-warning">
            <Stack gap={6}>
              <Text size="sm">{sentence}</Text>
              <Text size="sm" fs="italic">
                {consentText}
              </Text>
            </Stack>
          </Alert>
        )}
        {terms && (
          <Checkbox
            label="I agree to the CARFAX terms of service"
            checked={agreed}
            onChange={(e) => setAgreed(e.currentTarget.checked)}
          />
        )}
        <Text size="xs" c="dimmed">
          Your confirmation is recorded with your name and the time.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="orange"
            onClick={() => {
              setAgreed(false);
              onConfirm();
            }}
            disabled={terms && !agreed}
            loading={loading}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
