import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import type { StoreSettings } from '../../api/store-settings.ts';
import { useUpdateStoreSettings } from '../../api/store-settings.queries.ts';
import { fieldErrorsOf } from '../../lib/store-settings-form.ts';
import { useNotify } from '../Notifications.tsx';
import { AddressSection } from './AddressSection.tsx';
import { BodyShopSection } from './BodyShopSection.tsx';
import { ReachabilitySection } from './ReachabilitySection.tsx';
import { SendingSection } from './SendingSection.tsx';
import { SignatureSection } from './SignatureSection.tsx';
import { useStoreSettingsForm } from './useStoreSettingsForm.ts';

/** The store's settings in sections; Save sends only what changed, Cancel goes back to what is saved. */
export function StoreSettingsForm({ settings, readOnly }: { settings: StoreSettings; readOnly: boolean }) {
  const form = useStoreSettingsForm(settings);
  const save = useUpdateStoreSettings(settings.id);
  const notify = useNotify();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.dirty || readOnly) return;
    save.mutate(form.change, {
      onSuccess: (saved) => {
        form.reset(saved);
        notify({ color: 'green', title: 'Settings saved', message: `${saved.name}: your changes are saved.` });
      },
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    });
  };

  const cancel = () => {
    form.reset(settings);
    save.reset();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Store settings">
      <Fieldset variant="unstyled" disabled={readOnly || save.isPending}>
        <Stack gap="md">
          <SignatureSection form={form} />
          <AddressSection form={form} />
          <SendingSection form={form} />
          <ReachabilitySection form={form} />
          <BodyShopSection form={form} />
        </Stack>
      </Fieldset>
      {!readOnly && (
        <Stack
          gap="sm"
          mt="md"
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ zIndex: 3, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          {save.isError && (
            <Alert color="red" title="Not saved" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            {form.dirty && (
              <Text size="sm" c="dimmed" mr="auto" data-testid="unsaved">
                Unsaved changes
              </Text>
            )}
            <Button variant="default" onClick={cancel} disabled={!form.dirty || save.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={!form.dirty} loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      )}
    </form>
  );
}
