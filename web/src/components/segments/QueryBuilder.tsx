import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import type { SegmentField } from '../../api/segments.types.ts';
import {
  addGroup,
  addRule,
  fieldMap,
  removeNode,
  setGroupOp,
  setRuleField,
  setRuleOperator,
  setRuleValue,
  type NodeProblem,
  type UiGroup,
} from '../../lib/filter-tree.ts';
import { RuleRow } from './RuleRow.tsx';

/** The server's limit on nesting (the root is level 1). */
export const MAX_DEPTH = 5;

export interface BuilderProps {
  tree: UiGroup;
  fields: readonly SegmentField[];
  onChange: (tree: UiGroup) => void;
  /** The server's problems by node id. */
  problems: ReadonlyMap<string, NodeProblem[]>;
  /** Unfinished rules by id (shown after a save was tried). */
  incomplete: ReadonlyMap<string, string>;
  readOnly: boolean;
}

const NONE: NodeProblem[] = [];

/** The query as nested AND/OR groups of rules. */
export function QueryBuilder(props: BuilderProps) {
  const byKey = useMemo(() => fieldMap(props.fields), [props.fields]);
  return <GroupBox {...props} group={props.tree} depth={1} byKey={byKey} />;
}

function GroupBox({
  tree,
  group,
  depth,
  fields,
  byKey,
  onChange,
  problems,
  incomplete,
  readOnly,
}: BuilderProps & { group: UiGroup; depth: number; byKey: ReadonlyMap<string, SegmentField> }) {
  const root = depth === 1;
  const own = problems.get(group.id) ?? NONE;
  const joiner = group.op === 'and' ? 'AND' : 'OR';
  const color = group.op === 'and' ? 'indigo' : 'teal';

  return (
    <Paper
      withBorder={!root}
      p={root ? 0 : 'sm'}
      bg={root ? undefined : depth % 2 === 0 ? 'gray.0' : 'white'}
      style={root ? undefined : { borderLeft: `3px solid var(--mantine-color-${color}-5)` }}
      data-testid="group"
      role="group"
      aria-label={root ? 'Query' : 'Group'}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {root ? 'Customers matching' : 'Matching'}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Match"
              color={color}
              data={[
                { value: 'and', label: 'AND' },
                { value: 'or', label: 'OR' },
              ]}
              value={group.op}
              readOnly={readOnly}
              onChange={(op) => onChange(setGroupOp(tree, group.id, op))}
            />
            <Text size="sm" c="dimmed">
              {group.op === 'and' ? 'all of these rules' : 'any of these rules'}
            </Text>
          </Group>
          {!root && !readOnly && (
            <Button variant="subtle" color="red" size="compact-xs" onClick={() => onChange(removeNode(tree, group.id))}>
              Remove group
            </Button>
          )}
        </Group>
        {own.length > 0 && (
          <Stack gap={0} role="alert" data-testid="group-problems">
            {own.map((p, i) => (
              <Text key={i} size="xs" c="red.8">
                {p.message}
              </Text>
            ))}
          </Stack>
        )}
        {group.children.length === 0 && (
          <Text size="sm" c="dimmed" fs="italic">
            {root ? 'No rules: every customer of the store matches.' : 'No rules yet.'}
          </Text>
        )}
        {group.children.map((child, i) => (
          <Fragment key={child.id}>
            {i > 0 && (
              <Badge variant="light" color={color} size="sm" radius="sm" w="fit-content">
                {joiner}
              </Badge>
            )}
            {child.kind === 'group' ? (
              <GroupBox
                tree={tree}
                group={child}
                depth={depth + 1}
                fields={fields}
                byKey={byKey}
                onChange={onChange}
                problems={problems}
                incomplete={incomplete}
                readOnly={readOnly}
              />
            ) : (
              <RuleRow
                rule={child}
                fields={fields}
                field={byKey.get(child.field)}
                problems={problems.get(child.id) ?? NONE}
                incomplete={incomplete.get(child.id) ?? null}
                readOnly={readOnly}
                onField={(key) => onChange(setRuleField(tree, child.id, key ? byKey.get(key) : undefined))}
                onOperator={(op) => onChange(setRuleOperator(tree, child.id, op, byKey.get(child.field)))}
                onValue={(patch) => onChange(setRuleValue(tree, child.id, patch))}
                onRemove={() => onChange(removeNode(tree, child.id))}
              />
            )}
          </Fragment>
        ))}
        {!readOnly && (
          <Group gap="xs">
            <Button variant="light" size="compact-sm" onClick={() => onChange(addRule(tree, group.id))}>
              Add rule
            </Button>
            {depth < MAX_DEPTH && (
              <Button variant="default" size="compact-sm" onClick={() => onChange(addGroup(tree, group.id))}>
                Add group
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
