import { ActionIcon, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useUpdateContactMethods } from '../../api/consent.queries.ts';
import type { ContactMethod } from '../../api/types.ts';
import { METHOD_LABEL, METHOD_SWITCH } from '../../lib/contact-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useNotify } from '../Notifications.tsx';

/**
 * The green tick (contact on) or red X (contact off) beside a mailing address, phone or e-mail.
 * A click turns it off at once; turning it back on asks first.
 */
export function ContactMethodToggle({
  customerId,
  method,
  on,
}: {
  customerId: number;
  method: ContactMethod;
  on: boolean;
}) {
  const update = useUpdateContactMethods(customerId);
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const label = METHOD_LABEL[method];

  const save = (value: boolean) =>
    update.mutate(
      { [METHOD_SWITCH[method]]: value },
      {
        onSuccess: () => {
          setConfirming(false);
          notify({ color: 'green', message: `${label} contact turned ${value ? 'on' : 'off'}.` });
        },
        onError: (e) =>
          notify({ color: 'red', title: `Could not change ${label.toLowerCase()}`, message: errorMessage(e) }),
      },
    );

  return (
    <>
      <Tooltip label={on ? 'Contact on: click to turn off' : 'Contact off: click to turn on'} withArrow>
        <ActionIcon
          size="sm"
          variant="subtle"
          color={on ? 'green' : 'red'}
          aria-label={`${label} contact ${on ? 'on' : 'off'}`}
          loading={update.isPending && !confirming}
          onClick={() => (on ? save(false) : setConfirming(true))}
          data-testid={`contact-toggle-${method}`}
        >
          <span aria-hidden="true" style={{ fontWeight: 700 }}>
            {on ? '✓' : '✗'}
          </span>
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={confirming}
        title={`Turn ${label.toLowerCase()} contact on?`}
        confirmLabel="Turn on"
        loading={update.isPending}
        onConfirm={() => save(true)}
        onCancel={() => setConfirming(false)}
      >
        The customer may be contacted this way again, wherever consent allows it. Turn it on only if the customer asked
        for it or agreed to it.
      </ConfirmDialog>
    </>
  );
}
