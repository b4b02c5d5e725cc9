import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { sendTemplateTest } from '../../api/templates.ts';
import { errorMessage } from '../../lib/errors.ts';
import { keyForSubmit, requestSignature, type KeyedSubmit } from '../../lib/request-key.ts';
import { useNotify } from '../Notifications.tsx';

/**
 * "Test send": the saved version, rendered for the preview's customer (or the sample one), to a
 * staff address or number. Retrying the same test reuses its request key, so it is sent once.
 */
export function TestSendButton({
  templateId,
  channel,
  defaultTo,
  customerId,
  unsaved,
}: {
  templateId: number;
  channel: 'email' | 'sms';
  defaultTo: string;
  customerId: number | null;
  unsaved: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const [to, setTo] = useState(channel === 'email' ? defaultTo : '');
  const keyed = useRef<KeyedSubmit | null>(null);
  const notify = useNotify();
  const send = useMutation({
    mutationFn: () => {
      const request = { to: to.trim(), customerId };
      keyed.current = keyForSubmit(keyed.current, requestSignature({ templateId, ...request }));
      return sendTemplateTest(templateId, { ...request, requestKey: keyed.current.key });
    },
    onSuccess: (res) => {
      keyed.current = null;
      setOpened(false);
      notify({
        color: 'green',
        title: 'Test queued',
        message: `The test goes to ${res.target ?? to} through the outbox.`,
      });
    },
  });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm" onClick={() => setOpened((o) => !o)}>
          Test send
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={channel === 'email' ? 'Send a test to' : 'Text a test to'}
              placeholder={channel === 'email' ? 'you@dealer.com' : '416 555 0100'}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={send.isError ? errorMessage(send.error) : undefined}
              data-autofocus
            />
            <Text size="xs" c="dimmed">
              {unsaved ? 'Sends the saved version, not your unsaved changes. ' : ''}Marked [Test]; rendered for the
              customer chosen in the preview.
            </Text>
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={send.isPending} disabled={!to.trim()}>
                Send test
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
