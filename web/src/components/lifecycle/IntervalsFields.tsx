import { Alert, Anchor, Checkbox, Group, List, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import type { LifecycleSetup } from '../../api/lifecycle.types.ts';
import { INTERVAL_FIELDS, inactiveSeriesText, STEP_LABELS, switchesText } from '../../lib/lifecycle.ts';
import { SettingsSection } from '../settings/SettingsSection.tsx';
import type { LifecycleFormState } from './useLifecycleForm.ts';

/** The Intervals & switches tab: Off / 360° Email / Postcards, the day counts, the run time, Marketing per step. */
export function IntervalsFields({ form, saved }: { form: LifecycleFormState; saved: LifecycleSetup }) {
  const { values, errors } = form;
  const off = !values.emailOn && !values.postcardsOn;
  return (
    <Stack gap="md">
      <SettingsSection
        title="Switches"
        description="Off: 360° Customer Contact sends nothing. 360° Email: the messages go by e-mail to customers with an e-mail address. Postcards: with 360° Email on, only customers without an e-mail address get a postcard (postcards are printed at an additional cost)."
      >
        <Group gap="xl" role="group" aria-label="360° Customer Contact switches">
          <Checkbox label="Off" checked={off} onChange={(e) => form.setSwitch('off', e.currentTarget.checked)} />
          <Checkbox
            label="360° Email"
            checked={values.emailOn}
            onChange={(e) => form.setSwitch('email', e.currentTarget.checked)}
          />
          <Checkbox
            label="Postcards"
            checked={values.postcardsOn}
            onChange={(e) => form.setSwitch('postcards', e.currentTarget.checked)}
          />
        </Group>
        <Text size="sm" c="dimmed" data-testid="switches-state">
          {switchesText(values)}. Customers with Do Not Mail set get nothing; unsubscribing from a 360° e-mail sets it.
        </Text>
        <TextInput
          label="Run time"
          description="When the daily run starts, in the store’s time zone (HH:MM, 24 h)."
          value={values.runTime}
          error={errors.runTime}
          onChange={(e) => form.setRunTime(e.currentTarget.value)}
          maxLength={5}
          w={220}
        />
      </SettingsSection>
      <SettingsSection
        title="Intervals"
        description="The number of days for each message; 0 switches it off. Marketing messages go only to customers who consented to marketing; the others are service messages."
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} verticalSpacing="lg">
          {INTERVAL_FIELDS.map((f) => (
            <Stack key={f.key} gap={6}>
              <NumberInput
                label={f.label}
                description={f.help}
                value={values.intervals[f.key]}
                error={errors[`intervals.${f.key}`]}
                onChange={(v) => form.setInterval(f.key, v)}
                allowDecimal={false}
                styles={{ description: { minHeight: '2.6em' } }}
              />
              {f.step && (
                <Checkbox
                  size="xs"
                  label="Marketing"
                  aria-label={`Marketing: ${STEP_LABELS[f.step]}`}
                  checked={values.marketingSteps.includes(f.step)}
                  onChange={(e) => f.step && form.setMarketing(f.step, e.currentTarget.checked)}
                />
              )}
            </Stack>
          ))}
        </SimpleGrid>
        <Alert color="blue" variant="light" p="xs" data-testid="inactive-series">
          {inactiveSeriesText(values.intervals)}
        </Alert>
      </SettingsSection>
      {saved.missingTemplates.length > 0 && (
        <Alert color="yellow" title="Messages without a template" role="status" data-testid="missing-templates">
          <List size="sm" spacing={2}>
            {saved.missingTemplates.map((m) => (
              <List.Item key={`${m.step}|${m.channel}|${m.language}`}>{m.message}</List.Item>
            ))}
          </List>
          <Anchor component={Link} to="/templates" size="sm" mt="xs" display="inline-block">
            Switch one on in Templates
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}
