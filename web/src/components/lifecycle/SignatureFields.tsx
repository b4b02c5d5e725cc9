import { SimpleGrid, TextInput } from '@mantine/core';
import { SIGNATURE_FIELDS } from '../../lib/lifecycle.ts';
import { SettingsSection } from '../settings/SettingsSection.tsx';
import type { LifecycleFormState } from './useLifecycleForm.ts';

const INPUT: Record<string, { type?: string; maxLength: number }> = {
  businessName: { maxLength: 200 },
  businessOwner: { maxLength: 200 },
  businessPhone: { type: 'tel', maxLength: 40 },
  businessEmail: { type: 'email', maxLength: 320 },
  feedbackUrl: { maxLength: 2000 },
};

/** The General tab: the signature on every 360° message (the store's contact card). */
export function SignatureFields({ form }: { form: LifecycleFormState }) {
  return (
    <SettingsSection
      title="Signature"
      description="The information in the General tab becomes the signature on your messages (“Yours truly”, the owner, the business name and its e-mail) and fills in the phone number and feedback link in their text. It is the store’s contact card: Store settings shows the same fields."
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {SIGNATURE_FIELDS.map((f) => (
          <TextInput
            key={f.key}
            label={f.label}
            description={f.help}
            placeholder={f.placeholder}
            value={form.values.signature[f.key]}
            error={form.errors[`signature.${f.key}`]}
            onChange={(e) => form.setSignature(f.key, e.currentTarget.value)}
            {...INPUT[f.key]}
          />
        ))}
      </SimpleGrid>
    </SettingsSection>
  );
}
