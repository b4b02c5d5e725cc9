import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useUpdateContactMethods } from '../../api/consent.queries.ts';
import type { ContactMethod, ContactMethods } from '../../api/types.ts';
import { METHOD_LABEL } from '../../lib/contact-labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useNotify } from '../Notifications.tsx';

const METHODS = Object.keys(METHOD_LABEL) as ContactMethod[];
type Flag = 'doNotMail' | 'caslOptOut';
const FLAG_LABEL: Record<Flag, string> = { doNotMail: 'Do Not Mail', caslOptOut: 'CASL opt-out' };

/** The preferred method of contact (the yellow star), Do Not Mail and the CASL opt-out. */
export function ContactSettingsMenu({ customerId, methods }: { customerId: number; methods: ContactMethods }) {
  const update = useUpdateContactMethods(customerId);
  const notify = useNotify();
  const [clearing, setClearing] = useState<Flag | null>(null);

  const save = (changes: Partial<ContactMethods>, message: string) =>
    update.mutate(changes, {
      onSuccess: () => {
        setClearing(null);
        notify({ color: 'green', message });
      },
      onError: (e) => notify({ color: 'red', title: 'Could not save the contact settings', message: errorMessage(e) }),
    });

  const setPreferred = (method: ContactMethod | null) =>
    save(
      { preferredContactMethod: method },
      method ? `Preferred method of contact: ${METHOD_LABEL[method]}.` : 'No preferred method of contact.',
    );
  // Setting a flag restricts contact and needs no confirmation; clearing one reopens contact.
  const toggleFlag = (flag: Flag) =>
    methods[flag] ? setClearing(flag) : save({ [flag]: true }, `${FLAG_LABEL[flag]} set.`);

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" w="fit-content" loading={update.isPending && clearing === null}>
            Contact settings ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Preferred method of contact</Menu.Label>
          {METHODS.map((m) => (
            <Menu.Item
              key={m}
              onClick={() => setPreferred(m)}
              leftSection={<span aria-hidden="true">{methods.preferredContactMethod === m ? '★' : '☆'}</span>}
              aria-current={methods.preferredContactMethod === m ? 'true' : undefined}
            >
              {METHOD_LABEL[m]}
            </Menu.Item>
          ))}
          <Menu.Item
            onClick={() => setPreferred(null)}
            leftSection={<span aria-hidden="true">{methods.preferredContactMethod === null ? '★' : '☆'}</span>}
          >
            No preference
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>Restrictions</Menu.Label>
          {(Object.keys(FLAG_LABEL) as Flag[]).map((flag) => (
            <Menu.Item key={flag} onClick={() => toggleFlag(flag)} color={methods[flag] ? undefined : 'red'}>
              {methods[flag] ? `Clear ${FLAG_LABEL[flag]}` : `Set ${FLAG_LABEL[flag]}`}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={clearing !== null}
        title={clearing ? `Clear ${FLAG_LABEL[clearing]}?` : ''}
        confirmLabel="Clear"
        loading={update.isPending}
        onConfirm={() => clearing && save({ [clearing]: false }, `${FLAG_LABEL[clearing]} cleared.`)}
        onCancel={() => setClearing(null)}
      >
        {clearing === 'caslOptOut'
          ? 'Marketing e-mail becomes possible again wherever consent allows it. Clear it only if the customer asked.'
          : 'Letters and mailings become possible again. Clear it only if the customer asked.'}
      </ConfirmDialog>
    </>
  );
}
