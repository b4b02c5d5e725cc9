import { Switch } from '@mantine/core';
import { SettingsSection } from './SettingsSection.tsx';
import type { StoreSettingsFormState } from './useStoreSettingsForm.ts';

/** The option to keep body-shop-only vehicles out of marketing. */
export function BodyShopSection({ form }: { form: StoreSettingsFormState }) {
  return (
    <SettingsSection title="Body shop">
      <Switch
        label="Turn off vehicles with only body-shop history"
        description="A vehicle whose only service history is body-shop work is turned off for contact, so it is left out of marketing. It is turned back on when it comes in for work in another department. Vehicles a user turned off are never touched."
        checked={form.values.bodyShopAutoOff}
        onChange={(e) => form.set('bodyShopAutoOff', e.currentTarget.checked)}
        error={form.errors.bodyShopAutoOff}
      />
    </SettingsSection>
  );
}
