import { Badge, Group, PasswordInput, Textarea } from '@mantine/core';
import type { SecretField } from '../../../lib/channel-form.ts';

/**
 * A write-only secret: whether one is stored ("Set" / "Not set"), and an empty input to replace
 * it. Blank keeps what is stored; the stored value never comes back to the browser.
 */
export function SecretInput({
  field,
  isSet,
  value,
  onChange,
}: {
  field: SecretField;
  isSet: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const label = (
    <Group gap={6} component="span" display="inline-flex">
      <span>{field.label}</span>
      <Badge
        size="xs"
        variant="light"
        color={isSet ? 'green' : 'gray'}
        data-testid={`secret-${field.name}-status`}
        component="span"
      >
        {isSet ? 'Set' : 'Not set'}
      </Badge>
    </Group>
  );
  const description = `${field.description} ${isSet ? 'Leave blank to keep the stored one.' : ''}`.trim();
  const placeholder = isSet ? '•••••••• (unchanged)' : undefined;
  if (field.multiline) {
    return (
      <Textarea
        label={label}
        aria-label={field.label}
        description={description}
        placeholder={placeholder}
        autosize
        minRows={2}
        maxRows={6}
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <PasswordInput
      label={label}
      aria-label={field.label}
      description={description}
      placeholder={placeholder}
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
