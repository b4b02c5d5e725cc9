import { Group, MultiSelect, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { SegmentField } from '../../api/segments.types.ts';
import { valueShape, type RuleValuePatch, type UiRule } from '../../lib/filter-tree.ts';

const UNIT_LABELS = { days: 'days ago', km: 'km', money: '$' } as const;

/** The value input(s) a rule's field and operator need: text, number, date, a choice or two, a range. */
export function RuleValueInput({
  rule,
  field,
  error,
  readOnly,
  onChange,
}: {
  rule: UiRule;
  field: SegmentField | undefined;
  /** Marks the input red (the message itself is shown under the rule). */
  error: boolean;
  readOnly: boolean;
  onChange: (patch: RuleValuePatch) => void;
}) {
  if (!field) return null;
  const shape = valueShape(field.type, rule.operator);
  const unit = field.unit ? UNIT_LABELS[field.unit] : null;
  const choices = (field.values ?? []).map((v) => ({ value: v.value, label: v.label.en }));
  const numberProps = {
    size: 'sm' as const,
    w: 130,
    thousandSeparator: ',',
    allowDecimal: field.integer !== true,
    hideControls: true,
    error,
    readOnly,
  };
  const unitText = unit && (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {unit}
    </Text>
  );

  switch (shape) {
    case 'none':
      return null;
    case 'text':
      return (
        <TextInput
          aria-label="Value"
          placeholder="Text"
          size="sm"
          w={200}
          value={rule.text}
          error={error}
          readOnly={readOnly}
          onChange={(e) => onChange({ text: e.currentTarget.value })}
        />
      );
    case 'number':
      return (
        <Group gap={6} wrap="nowrap">
          <NumberInput
            aria-label="Value"
            placeholder={field.type === 'days_ago' ? 'Days' : 'Number'}
            value={rule.text}
            onChange={(v) => onChange({ text: String(v) })}
            {...numberProps}
          />
          {unitText}
        </Group>
      );
    case 'number_range':
      return (
        <Group gap={6} wrap="nowrap">
          <NumberInput
            aria-label="From"
            placeholder="From"
            value={rule.from}
            onChange={(v) => onChange({ from: String(v) })}
            {...numberProps}
            w={110}
          />
          <Text size="sm">and</Text>
          <NumberInput
            aria-label="To"
            placeholder="To"
            value={rule.to}
            onChange={(v) => onChange({ to: String(v) })}
            {...numberProps}
            w={110}
          />
          {unitText}
        </Group>
      );
    case 'date':
      return (
        <TextInput
          type="date"
          aria-label="Value"
          size="sm"
          w={170}
          value={rule.text}
          error={error}
          readOnly={readOnly}
          onChange={(e) => onChange({ text: e.currentTarget.value })}
        />
      );
    case 'date_range':
      return (
        <Group gap={6} wrap="nowrap">
          <TextInput
            type="date"
            aria-label="From"
            size="sm"
            w={160}
            value={rule.from}
            error={error}
            readOnly={readOnly}
            onChange={(e) => onChange({ from: e.currentTarget.value })}
          />
          <Text size="sm">and</Text>
          <TextInput
            type="date"
            aria-label="To"
            size="sm"
            w={160}
            value={rule.to}
            error={error}
            readOnly={readOnly}
            onChange={(e) => onChange({ to: e.currentTarget.value })}
          />
        </Group>
      );
    case 'choice':
      return (
        <Select
          aria-label="Value"
          placeholder="Pick a value"
          size="sm"
          w={200}
          data={choices}
          value={rule.text || null}
          error={error}
          readOnly={readOnly}
          allowDeselect={false}
          onChange={(v) => onChange({ text: v ?? '' })}
        />
      );
    case 'choices':
      return (
        <MultiSelect
          aria-label="Values"
          placeholder={rule.list.length === 0 ? 'Pick values' : undefined}
          size="sm"
          miw={200}
          maw={360}
          data={choices}
          value={rule.list}
          error={error}
          readOnly={readOnly}
          onChange={(list) => onChange({ list })}
        />
      );
  }
}
