import type {
  TemplateChannel,
  TemplateDetail,
  TemplateDraft,
  TemplateInput,
  TemplateLanguage,
  TemplatePatch,
  TemplatePurpose,
} from '../api/templates.types.ts';

/** What the editor holds while a template is being written. */
export interface TemplateFormValues {
  channel: TemplateChannel;
  name: string;
  contactType: string;
  language: TemplateLanguage;
  purpose: TemplatePurpose;
  active: boolean;
  /** E-mail only; '' for the other channels. */
  subject: string;
  body: string;
}

export type TemplateFormField = keyof TemplateFormValues;
export type TemplateFormErrors = Partial<Record<TemplateFormField, string>>;

/** Only e-mails have a subject line. */
export const hasSubject = (channel: TemplateChannel): boolean => channel === 'email';

/** Texts and voice scripts are plain text; e-mails, letters and postcards are HTML. */
export const isHtmlChannel = (channel: TemplateChannel): boolean =>
  channel === 'email' || channel === 'letter' || channel === 'postcard';

export const isPrintChannel = (channel: TemplateChannel): boolean => channel === 'letter' || channel === 'postcard';

export function newTemplateForm(language: TemplateLanguage = 'en'): TemplateFormValues {
  return {
    channel: 'email',
    name: '',
    contactType: 'maintenance',
    language,
    purpose: 'service',
    active: true,
    subject: '',
    body: '',
  };
}

/** The form for a saved template (or the answer to a save). */
export function toTemplateFormValues(
  t: Pick<TemplateDetail, 'channel' | 'name' | 'contactType' | 'language' | 'purpose' | 'active' | 'subject' | 'body'>,
): TemplateFormValues {
  return {
    channel: t.channel,
    name: t.name,
    contactType: t.contactType,
    language: t.language,
    purpose: t.purpose,
    active: t.active,
    subject: t.subject ?? '',
    body: t.body,
  };
}

const subjectOf = (v: TemplateFormValues): string | null => (hasSubject(v.channel) ? v.subject.trim() || null : null);

/** The body of POST /api/stores/:storeId/templates. */
export function toTemplateInput(v: TemplateFormValues): TemplateInput {
  return {
    channel: v.channel,
    contactType: v.contactType,
    language: v.language,
    purpose: v.purpose,
    name: v.name.trim(),
    subject: subjectOf(v),
    body: v.body,
    active: v.active,
  };
}

/** The body of PATCH /api/templates/:id: only what differs from what is saved. */
export function templatePatch(v: TemplateFormValues, saved: TemplateFormValues): TemplatePatch {
  const patch: TemplatePatch = {};
  if (v.name.trim() !== saved.name) patch.name = v.name.trim();
  if (v.contactType !== saved.contactType) patch.contactType = v.contactType;
  if (v.language !== saved.language) patch.language = v.language;
  if (v.purpose !== saved.purpose) patch.purpose = v.purpose;
  if (v.active !== saved.active) patch.active = v.active;
  if (subjectOf(v) !== subjectOf(saved)) patch.subject = subjectOf(v);
  if (v.body !== saved.body) patch.body = v.body;
  return patch;
}

/** What the live preview renders; null while there is nothing to render yet. */
export function toTemplateDraft(v: TemplateFormValues, customerId: number | null): TemplateDraft | null {
  if (v.body.trim() === '') return null;
  return {
    channel: v.channel,
    language: v.language,
    purpose: v.purpose,
    subject: subjectOf(v),
    body: v.body,
    customerId,
  };
}

const CONTACT_TYPE = /^[a-z0-9_]{1,40}$/;

/** What can be said before asking the server; the server checks the merge tags. */
export function validateTemplateForm(v: TemplateFormValues): TemplateFormErrors {
  const errors: TemplateFormErrors = {};
  if (v.name.trim() === '') errors.name = 'Give the template a name.';
  else if (v.name.trim().length > 120) errors.name = 'Keep the name to 120 characters.';
  if (!CONTACT_TYPE.test(v.contactType))
    errors.contactType = 'Use lower-case letters, digits and “_” (e.g. maintenance, no_show).';
  if (hasSubject(v.channel) && v.subject.trim() === '') errors.subject = 'An e-mail needs a subject.';
  if (v.subject.length > 250) errors.subject = 'Keep the subject to 250 characters.';
  if (v.body.trim() === '') errors.body = 'Write the message.';
  return errors;
}
