import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useMergeTags } from '../../api/templates.queries.ts';
import type { TemplateLanguage } from '../../api/templates.types.ts';
import type { SendFormErrors, SendFormValues } from '../../lib/send-form.ts';
import type { TemplateProblem } from '../../lib/template-problems.ts';
import { insertAtSelection } from '../../lib/text-insert.ts';
import { ProblemList } from '../templates/ProblemList.tsx';

/** "Write a message": the subject (e-mail), the text, and a merge-field list that inserts at the cursor. */
export function MessageFields({
  values,
  errors,
  problems,
  language,
  onChange,
}: {
  values: SendFormValues;
  errors: SendFormErrors;
  problems: TemplateProblem[];
  language: TemplateLanguage;
  onChange: (change: Partial<SendFormValues>) => void;
}) {
  const tags = useMergeTags();
  const body = useRef<HTMLTextAreaElement>(null);
  const knownPaths = (tags.data ?? []).map((t) => t.path);
  const email = values.channel === 'email';

  const insert = (path: string | null) => {
    const tag = tags.data?.find((t) => t.path === path);
    if (!tag) return;
    const el = body.current;
    const selection = el ? { start: el.selectionStart, end: el.selectionEnd } : null;
    const next = insertAtSelection(values.body, selection, tag.insert);
    onChange({ body: next.value });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <Stack gap="xs">
      {email && (
        <div>
          <TextInput
            label="Subject"
            required
            maxLength={250}
            value={values.subject}
            error={errors.subject}
            onChange={(e) => onChange({ subject: e.currentTarget.value })}
          />
          <ProblemList
            problems={problems.filter((p) => p.field === 'subject')}
            knownPaths={knownPaths}
            testId="subject-problems"
          />
        </div>
      )}
      <div>
        <Textarea
          ref={body}
          label="Message"
          description={
            email
              ? 'Plain text (a blank line starts a paragraph) or HTML. Merge fields are filled in for this customer.'
              : 'Merge fields are filled in for this customer; 160 plain characters make one text.'
          }
          required
          autosize
          minRows={6}
          maxRows={14}
          value={values.body}
          error={errors.body}
          onChange={(e) => onChange({ body: e.currentTarget.value })}
        />
        <ProblemList
          problems={problems.filter((p) => p.field !== 'subject')}
          knownPaths={knownPaths}
          testId="body-problems"
        />
      </div>
      <Select
        aria-label="Insert a merge field"
        placeholder="Insert a merge field…"
        size="xs"
        searchable
        clearable={false}
        value={null}
        nothingFoundMessage="No such merge field"
        data={(tags.data ?? []).map((t) => ({ value: t.path, label: `${t.label[language]} (${t.path})` }))}
        onChange={insert}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
