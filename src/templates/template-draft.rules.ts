import type { TemplateChannel } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import { sanitiseEmailHtml, type RemovedItem } from './compose/html-sanitise.ts';
import { assertSmsLength, composeSms } from './compose/sms-compose.ts';
import type { Language } from './merge-tags.catalogue.ts';
import { buildMergeContext, renderLocaleFor, sampleMergeInput } from './merge-context.ts';
import { TemplateInvalidError, type Renderer, type RenderMode } from './render.ts';
import { convertSeedTags, type SeedTagConversion } from './seed-tags.rules.ts';
import type { SmsFigures } from './sms-segments.rules.ts';
import type { TemplateProblem } from './template.validate.ts';

export type Purpose = 'marketing' | 'service';

/** What a user writes: the parts of a template that make a version. */
export interface TemplateDraft {
  channel: TemplateChannel;
  purpose: Purpose;
  language: Language;
  subject: string | null;
  body: string;
}

export interface CheckedDraft {
  /** What is stored: seed tags converted, HTML sanitised. */
  subject: string | null;
  body: string;
  /** Seed-style tags turned into Liquid, by field. */
  converted: (SeedTagConversion['converted'][number] & { field: 'subject' | 'body' })[];
  /** What sanitising took out of an HTML body, so the user is told. */
  removed: RemovedItem[];
  /** For texts: the figures of the sample render, opt-out line included. */
  sms: SmsFigures | null;
}

/** Channels whose body is HTML (outputs escaped, sanitised); the others are plain text. */
export const HTML_CHANNELS: ReadonlySet<TemplateChannel> = new Set(['email', 'letter', 'postcard']);

export const bodyMode = (channel: TemplateChannel): RenderMode => (HTML_CHANNELS.has(channel) ? 'html' : 'text');

const MAX_SUBJECT = 250;
const MAX_BODY = 200_000;

function problemsOf(error: unknown, field: 'subject' | 'body'): TemplateProblem[] {
  if (error instanceof TemplateInvalidError)
    return error.problems.map((p) => ({ ...p, field, message: `${field}: ${p.message}` }));
  throw error;
}

/**
 * Checks a draft the way saving does: converts seed tags, refuses unknown `<Seed Tags>`, Liquid
 * syntax errors and unknown merge tags (every problem, with its line and column), sanitises HTML
 * and, for texts, refuses a message over the provider's cap when rendered for the sample customer.
 * Throws TemplateInvalidError (422) or DomainError; returns what to store.
 */
export function checkDraft(draft: TemplateDraft, renderer: Renderer): CheckedDraft {
  if (draft.channel === 'email') {
    if (!draft.subject?.trim()) throw new DomainError('invalid_input', 'An e-mail template needs a subject.');
  } else if (draft.subject?.trim()) {
    throw new DomainError('invalid_input', `A ${draft.channel} template has no subject; leave it empty.`);
  }
  if (!draft.body.trim()) throw new DomainError('invalid_input', 'The template body is empty.');
  if (draft.body.length > MAX_BODY)
    throw new DomainError('invalid_input', `The body is ${draft.body.length} characters; the limit is ${MAX_BODY}.`);
  if ((draft.subject?.length ?? 0) > MAX_SUBJECT)
    throw new DomainError('invalid_input', `The subject is longer than ${MAX_SUBJECT} characters.`);

  const problems: TemplateProblem[] = [];
  const converted: CheckedDraft['converted'] = [];
  const convert = (text: string, field: 'subject' | 'body'): string => {
    const c = convertSeedTags(text);
    converted.push(...c.converted.map((x) => ({ ...x, field })));
    problems.push(
      ...c.unknown.map((u) => ({
        code: 'template_unknown_tag' as const,
        tag: u.seed,
        line: u.line,
        column: u.column,
        field,
        message: `${field}: unknown merge field ${u.seed}`,
      })),
    );
    return c.text;
  };
  const subject = draft.subject?.trim() ? convert(draft.subject.trim(), 'subject') : null;
  let body = convert(draft.body, 'body');

  const mode = bodyMode(draft.channel);
  let removed: RemovedItem[] = [];
  if (mode === 'html') {
    const clean = sanitiseEmailHtml(body);
    body = clean.html;
    removed = clean.removed;
  }
  const compile = (source: string, m: RenderMode, field: 'subject' | 'body') => {
    try {
      return renderer.compile(source, m);
    } catch (e) {
      problems.push(...problemsOf(e, field));
      return null;
    }
  };
  if (subject !== null) compile(subject, 'text', 'subject');
  const bodyTemplate = compile(body, mode, 'body');
  if (problems.length > 0) throw new TemplateInvalidError(problems);

  let sms: SmsFigures | null = null;
  if (draft.channel === 'sms' && bodyTemplate) {
    const input = sampleMergeInput(draft.language);
    const text = renderer.render(bodyTemplate, buildMergeContext(input), renderLocaleFor(input.customer, input.store));
    const composed = composeSms({
      body: text,
      purpose: draft.purpose,
      language: draft.language,
      storeName: input.store.name,
    });
    assertSmsLength(composed.text);
    sms = composed.figures;
  }
  return { subject, body, converted, removed, sms };
}
