import { Alert, Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useMemo, useState, type MouseEvent } from 'react';
import { useMergeTags } from '../../api/templates.queries.ts';
import type { TemplateLanguage } from '../../api/templates.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { filterMergeTags, groupMergeTags, sampleText } from '../../lib/template-labels.ts';

// Keeps the focus (and the cursor) in the subject or body while a tag button is clicked.
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * The merge-tag catalogue by group; a click inserts the tag at the cursor of the subject or body
 * (whichever was focused last). Labels follow the template's language.
 */
export function MergeTagPicker({
  language,
  target,
  onInsert,
}: {
  language: TemplateLanguage;
  /** Where a click inserts, shown to the user. */
  target: 'subject' | 'body';
  onInsert: (text: string) => void;
}) {
  const tags = useMergeTags();
  const [search, setSearch] = useState('');
  const groups = useMemo(
    () => groupMergeTags(filterMergeTags(tags.data ?? [], search, language)),
    [tags.data, search, language],
  );

  return (
    <Paper withBorder p="sm" component="section" aria-label="Merge fields">
      <Stack gap="xs">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Text fw={600} size="sm">
              Merge fields
            </Text>
            <Text size="xs" c="dimmed">
              Click to insert into the{' '}
              <Badge size="xs" variant="light" color="gray" data-testid="insert-target">
                {target === 'subject' ? 'Subject' : 'Body'}
              </Badge>
            </Text>
          </Group>
          <TextInput
            aria-label="Search merge fields"
            placeholder="Search fields"
            size="xs"
            type="search"
            w={180}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </Group>
        {tags.isPending ? (
          <Loader size="sm" aria-label="Loading merge fields" />
        ) : tags.isError ? (
          <Alert color="red" p="xs">
            {errorMessage(tags.error)}
          </Alert>
        ) : groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            No merge field matches “{search}”.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
            <Stack gap={6}>
              {groups.map((g) => (
                <Group key={g.group} gap={6} align="baseline" wrap="nowrap" role="group" aria-label={g.label}>
                  <Text size="xs" c="dimmed" fw={600} w={92} style={{ flexShrink: 0 }}>
                    {g.label}
                  </Text>
                  <Group gap={4}>
                    {g.tags.map((t) => (
                      <Tooltip
                        key={t.path}
                        multiline
                        w={260}
                        openDelay={300}
                        label={
                          <Stack gap={2}>
                            <Text size="xs" ff="monospace">
                              {t.insert}
                            </Text>
                            <Text size="xs">e.g. {sampleText(t.sample)}</Text>
                            {t.aliases.length > 0 && <Text size="xs">Also written {t.aliases.join(', ')}</Text>}
                          </Stack>
                        }
                      >
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="indigo"
                          onMouseDown={keepFocus}
                          onClick={() => onInsert(t.insert)}
                          data-path={t.path}
                        >
                          {t.label[language]}
                        </Button>
                      </Tooltip>
                    ))}
                  </Group>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
