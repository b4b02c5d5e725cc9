import { CloseButton, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import type { SegmentField } from '../../api/segments.types.ts';
import {
  fieldOptions,
  operatorLabel,
  type NodeProblem,
  type RuleValuePatch,
  type UiRule,
} from '../../lib/filter-tree.ts';
import { RuleValueInput } from './RuleValueInput.tsx';

/** One rule: field, operator, value, a remove button, and what is wrong with it underneath. */
export function RuleRow({
  rule,
  fields,
  field,
  problems,
  incomplete,
  readOnly,
  onField,
  onOperator,
  onValue,
  onRemove,
}: {
  rule: UiRule;
  fields: readonly SegmentField[];
  field: SegmentField | undefined;
  problems: readonly NodeProblem[];
  /** Why the rule cannot be saved yet, shown once a save was tried. */
  incomplete: string | null;
  readOnly: boolean;
  onField: (key: string | null) => void;
  onOperator: (operator: string) => void;
  onValue: (patch: RuleValuePatch) => void;
  onRemove: () => void;
}) {
  const options = useMemo(() => fieldOptions(fields), [fields]);
  const has = (part: string) => problems.some((p) => p.part === part);
  const operators = (field?.operators ?? []).map((op) => ({ value: op, label: operatorLabel(op) }));
  const unknownField = rule.field !== '' && !field;

  return (
    <Stack gap={4} data-testid="rule">
      <Group gap="xs" wrap="wrap" align="flex-start">
        <Tooltip label={field?.help?.en} disabled={!field?.help} multiline w={300} openDelay={400}>
          <Select
            aria-label="Field"
            placeholder="Pick a field"
            size="sm"
            w={250}
            data={unknownField ? [...options, { group: 'Unknown', items: [rule.field] }] : options}
            value={rule.field || null}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No field by that name"
            maxDropdownHeight={320}
            error={has('field') || (incomplete !== null && !rule.field)}
            readOnly={readOnly}
            onChange={onField}
          />
        </Tooltip>
        {field && (
          <Select
            aria-label="Operator"
            size="sm"
            w={200}
            data={operators}
            value={rule.operator || null}
            allowDeselect={false}
            error={has('operator')}
            readOnly={readOnly}
            onChange={(op) => op && onOperator(op)}
          />
        )}
        <RuleValueInput
          rule={rule}
          field={field}
          error={has('value') || (incomplete !== null && !!rule.field)}
          readOnly={readOnly}
          onChange={onValue}
        />
        {!readOnly && <CloseButton aria-label="Remove rule" size="md" mt={4} ml="auto" onClick={onRemove} />}
      </Group>
      {(problems.length > 0 || incomplete) && (
        <Stack gap={0} role="alert" data-testid="rule-problems">
          {incomplete && (
            <Text size="xs" c="red.8">
              {incomplete}
            </Text>
          )}
          {problems.map((p, i) => (
            <Text key={i} size="xs" c="red.8">
              {p.message}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
