import { NumberInput, SimpleGrid } from '@mantine/core';
import type { NumberKey } from '../../lib/store-settings-form.ts';
import { SettingsSection } from './SettingsSection.tsx';
import type { StoreSettingsFormState } from './useStoreSettingsForm.ts';

interface Limit {
  key: NumberKey;
  label: string;
  help: string;
  min: number;
  max: number;
}

const LIMITS: readonly Limit[] = [
  {
    key: 'emailBounceLimit',
    label: 'E-mail bounce limit',
    help: 'Once an address bounces this many times it is considered invalid and no e-mail goes to it again until someone verifies it (1–9, usually 3).',
    min: 1,
    max: 9,
  },
  {
    key: 'emailRedDays',
    label: 'Bounced e-mail shows red (days)',
    help: 'An address that bounced within this many days shows in red on the profile until it is verified (usually 90).',
    min: 1,
    max: 3650,
  },
  {
    key: 'voiceImpossibleBlockDays',
    label: 'Voice drop “impossible”: block (days)',
    help: 'A cell number a voice drop finds impossible to contact is blocked for this many days (usually 14).',
    min: 1,
    max: 365,
  },
  {
    key: 'voiceImpossibleForeverAt',
    label: 'Voice drop “impossible”: block for good at',
    help: 'After this many impossible voice drops the number is blocked for ever (usually 3).',
    min: 1,
    max: 99,
  },
  {
    key: 'homeBusyForeverAt',
    label: 'Home phone busy: block for good at',
    help: 'A home phone busy or unavailable this many times in a row is blocked for ever (usually 3).',
    min: 1,
    max: 99,
  },
  {
    key: 'campaignImpossibleBlockDays',
    label: 'Campaign drop “impossible”: block (days)',
    help: 'A number a campaign voice drop finds impossible to contact is not tried again for this many days (usually 14, two weeks).',
    min: 1,
    max: 365,
  },
  {
    key: 'campaignImpossibleForeverAfter',
    label: 'Campaign drop “impossible”: stop after',
    help: 'A number impossible to contact more than this many times in a row is not tried again (usually 5).',
    min: 1,
    max: 99,
  },
];

/** When an e-mail address or a phone number counts as unreachable, and for how long. */
export function ReachabilitySection({ form }: { form: StoreSettingsFormState }) {
  return (
    <SettingsSection
      title="Reachability"
      description="When an e-mail address or phone number stops being tried, and for how long."
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {LIMITS.map((l) => (
          <NumberInput
            key={l.key}
            label={l.label}
            description={l.help}
            required
            min={l.min}
            max={l.max}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            {...form.number(l.key)}
          />
        ))}
      </SimpleGrid>
    </SettingsSection>
  );
}
