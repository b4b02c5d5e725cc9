import { Modal } from '@mantine/core';
import type { Role } from '../../api/types.ts';
import { ChangeConsentForm } from './ChangeConsentForm.tsx';

/** "Change consent": the form in a modal; it starts empty each time it opens. */
export function ChangeConsentModal({
  customerId,
  role,
  opened,
  onClose,
  onRecorded,
}: {
  customerId: number;
  role: Role | undefined;
  opened: boolean;
  onClose: () => void;
  onRecorded: (message: string) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change consent" centered size="md">
      {opened && (
        <ChangeConsentForm
          customerId={customerId}
          role={role}
          onCancel={onClose}
          onDone={(message) => {
            onRecorded(message);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
