import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { SettingsSection } from './SettingsSection.tsx';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';
import type { StoreSettingsFormState } from './useStoreSettingsForm.ts';

/** The store's time zone and the daily window for calls, texts and voice drops. */
export function SendingSection({ form }: { form: StoreSettingsFormState }) {
  return (
    <SettingsSection title="Sending">
      <TimeZoneSelect
        value={form.values.timeZone}
        onChange={(zone) => form.set('timeZone', zone)}
        error={form.errors.timeZone}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Send window start"
          placeholder="08:00"
          description="24-hour clock, HH:MM."
          required
          maxLength={5}
          {...form.text('sendWindowStart')}
        />
        <TextInput
          label="Send window end"
          placeholder="21:00"
          description="24-hour clock, HH:MM; 24:00 for midnight."
          required
          maxLength={5}
          {...form.text('sendWindowEnd')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="send-window-note">
        Calls, texts and voice drops only go out inside this window, in the recipient’s local time, and never outside
        08:00–21:00 whatever is set here (some states allow less). Anything due outside it waits for the window to open.
        E-mails and letters are not held back.
      </Text>
    </SettingsSection>
  );
}
