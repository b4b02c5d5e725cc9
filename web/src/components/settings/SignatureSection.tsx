import { SimpleGrid, TextInput } from '@mantine/core';
import { SettingsSection } from './SettingsSection.tsx';
import type { StoreSettingsFormState } from './useStoreSettingsForm.ts';

/** Business name, owner, phone, e-mail and feedback link: the signature on e-mails and letters. */
export function SignatureSection({ form }: { form: StoreSettingsFormState }) {
  return (
    <SettingsSection
      title="Signature"
      description="These become the signature on your e-mails and letters (“Yours truly”, the owner, the business name and its e-mail) and fill in the phone number and feedback link in their text."
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label="Business name"
          description="The name of your dealership or shop."
          required
          maxLength={200}
          {...form.text('name')}
        />
        <TextInput
          label="Business owner"
          description="The name you want to appear as the contact person."
          maxLength={200}
          {...form.text('ownerName')}
        />
        <TextInput
          label="Business phone"
          description="The number you would like customers to call if required."
          type="tel"
          maxLength={40}
          {...form.text('phone')}
        />
        <TextInput
          label="Business e-mail"
          description="Replies to your messages are returned to this address."
          type="email"
          {...form.text('email')}
        />
      </SimpleGrid>
      <TextInput
        label="Feedback link"
        description="A web address of your feedback form (https://…), or an e-mail address written as mailto:email@domain.com."
        placeholder="https://"
        {...form.text('feedbackUrl')}
      />
    </SettingsSection>
  );
}
