import { useCallback, useMemo, useRef, useState } from 'react';
import {
  hasSubject,
  templatePatch,
  type TemplateFormErrors,
  type TemplateFormValues,
} from '../../lib/template-form.ts';
import { replaceSmartPunctuation } from '../../lib/smart-punctuation.ts';
import { insertAtSelection } from '../../lib/text-insert.ts';

export type TextField = 'subject' | 'body';

/**
 * The editor's state: what is typed, what is saved (null for a new template), errors per field,
 * and the subject/body elements so a merge tag can go where the cursor was.
 */
export function useTemplateForm(initial: TemplateFormValues, savedValues: TemplateFormValues | null) {
  const [values, setValues] = useState<TemplateFormValues>(initial);
  const [saved, setSaved] = useState<TemplateFormValues | null>(savedValues);
  const [errors, setErrors] = useState<TemplateFormErrors>({});
  const [target, setTarget] = useState<TextField>('body');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A field never focused has no cursor worth using: a tag for it goes at the end.
  const focused = useRef(new Set<TextField>());

  const set = useCallback(<K extends keyof TemplateFormValues>(key: K, value: TemplateFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (key in e ? { ...e, [key]: undefined } : e));
  }, []);

  const change = useMemo(() => (saved ? templatePatch(values, saved) : null), [values, saved]);
  const dirty = saved === null ? true : Object.keys(change ?? {}).length > 0;
  const insertInto: TextField = target === 'subject' && hasSubject(values.channel) ? 'subject' : 'body';

  /** Puts `text` at the cursor (or over the selection) of the subject or body last focused. */
  const insert = (text: string) => {
    const field = insertInto;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const current = values[field];
    const selection =
      el && focused.current.has(field)
        ? { start: el.selectionStart ?? current.length, end: el.selectionEnd ?? current.length }
        : null;
    const next = insertAtSelection(current, selection, text);
    set(field, next.value);
    focused.current.add(field);
    // After React has written the new value, put the cursor just after the tag.
    window.requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  /** Smart quotes, dashes and ellipses in the subject and body made plain; answers how many changed. */
  const replaceSmartQuotes = (): number => {
    const body = replaceSmartPunctuation(values.body);
    const subject = replaceSmartPunctuation(values.subject);
    if (body.count > 0) set('body', body.text);
    if (subject.count > 0) set('subject', subject.text);
    return body.count + subject.count;
  };

  return {
    values,
    saved,
    errors,
    setErrors,
    change,
    dirty,
    set,
    insert,
    insertInto,
    replaceSmartQuotes,
    subjectRef,
    bodyRef,
    /** Props that record which text field a merge tag should go into. */
    focusTracking: (field: TextField) => ({
      onFocus: () => {
        focused.current.add(field);
        setTarget(field);
      },
    }),
    /** Starts again from what the server saved. */
    reset: (to: TemplateFormValues) => {
      setValues(to);
      setSaved(to);
      setErrors({});
    },
  };
}

export type TemplateFormState = ReturnType<typeof useTemplateForm>;
