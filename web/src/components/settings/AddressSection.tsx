import { SimpleGrid, TextInput } from '@mantine/core';
import { SettingsSection } from './SettingsSection.tsx';
import type { StoreSettingsFormState } from './useStoreSettingsForm.ts';

/** The store's mailing address; the country also decides which consent law applies. */
export function AddressSection({ form }: { form: StoreSettingsFormState }) {
  return (
    <SettingsSection title="Address" description="The store’s mailing address, as printed on letters.">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Address line 1" maxLength={200} {...form.text('addressLine1')} />
        <TextInput label="Address line 2" maxLength={200} {...form.text('addressLine2')} />
        <TextInput label="City" maxLength={100} {...form.text('city')} />
        <TextInput label="Province or state" maxLength={50} {...form.text('region')} />
        <TextInput label="Postal or ZIP code" maxLength={20} {...form.text('postalCode')} />
        <TextInput
          label="Country"
          description="Two-letter ISO code, such as CA or US. It decides which consent rules apply."
          required
          maxLength={2}
          {...form.text('country')}
        />
      </SimpleGrid>
    </SettingsSection>
  );
}
