import { Code, List, Text } from '@mantine/core';
import { formatProblem, suggestMergeTag, type TemplateProblem } from '../../lib/template-problems.ts';

/**
 * The server's refusals of one field, each on its own line with its position, and a likely
 * intended merge field when one is close ("Did you mean customer.name?").
 */
export function ProblemList({
  problems,
  knownPaths,
  testId,
}: {
  problems: TemplateProblem[];
  knownPaths: readonly string[];
  testId: string;
}) {
  if (problems.length === 0) return null;
  return (
    <List size="sm" c="red.8" spacing={2} role="alert" data-testid={testId} listStyleType="none" ml={0} pl={0}>
      {problems.map((p) => {
        const suggestion =
          p.code === 'template_unknown_tag' && !p.tag.startsWith('<') ? suggestMergeTag(p.tag, knownPaths) : null;
        return (
          <List.Item key={`${p.line}:${p.column}:${p.code}:${p.tag}`}>
            <Text span size="sm" fw={500}>
              {formatProblem(p)}
            </Text>
            {suggestion && (
              <Text span size="sm" c="dimmed">
                {' '}
                · Did you mean <Code>{suggestion}</Code>?
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
