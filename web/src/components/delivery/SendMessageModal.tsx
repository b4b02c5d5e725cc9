import { Alert, Center, Loader, Modal, Title } from '@mantine/core';
import { useSendOptions } from '../../api/delivery.queries.ts';
import type { HistoryItem } from '../../api/delivery.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { SendMessageForm } from './SendMessageForm.tsx';

/** "Send": the form in a wide modal; it starts afresh each time it opens. */
export function SendMessageModal({
  opened,
  onClose,
  onSent,
  customerId,
  customerName,
  storeId,
  storeName,
  userEmail,
}: {
  opened: boolean;
  onClose: () => void;
  onSent: (message: HistoryItem) => void;
  customerId: number;
  customerName: string;
  storeId: number;
  storeName: string;
  userEmail: string;
}) {
  const options = useSendOptions(customerId, opened);
  let body;
  if (options.isPending) {
    body = (
      <Center p="xl">
        <Loader aria-label="Loading what can be sent" />
      </Center>
    );
  } else if (options.isError) {
    body = (
      <Alert color="red" title="Cannot prepare a message" role="alert">
        {errorMessage(options.error)}
      </Alert>
    );
  } else {
    body = (
      <SendMessageForm
        customerId={customerId}
        storeId={storeId}
        storeName={storeName}
        userEmail={userEmail}
        options={options.data}
        onCancel={onClose}
        onSent={onSent}
      />
    );
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={1180}
      title={
        <Title order={2} size="h4">
          Send a message to {customerName}
        </Title>
      }
    >
      {opened && body}
    </Modal>
  );
}
