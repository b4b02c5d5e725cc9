import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import type { ProviderField } from '../../../lib/channel-form.ts';

/** A provider's settings as inputs, two to a row, the switches last. */
export function ProviderFields({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: readonly ProviderField[];
  values: Record<string, string | boolean>;
  errors: Record<string, string>;
  onChange: (name: string, value: string | boolean) => void;
}) {
  const inputs = fields.filter((f) => f.kind !== 'bool');
  const switches = fields.filter((f) => f.kind === 'bool');
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {inputs.map((f) => {
          const value = values[f.name];
          return (
            <TextInput
              key={f.name}
              label={f.label}
              description={f.description}
              placeholder={f.placeholder}
              required={f.required}
              inputMode={f.kind === 'number' ? 'numeric' : undefined}
              value={typeof value === 'string' ? value : ''}
              error={errors[f.name]}
              onChange={(e) => onChange(f.name, e.currentTarget.value)}
            />
          );
        })}
      </SimpleGrid>
      {switches.map((f) => (
        <Checkbox
          key={f.name}
          label={f.label}
          description={f.description}
          checked={values[f.name] === true}
          error={errors[f.name]}
          onChange={(e) => onChange(f.name, e.currentTarget.checked)}
        />
      ))}
    </>
  );
}
