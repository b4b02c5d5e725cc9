import { describe, expect, it } from 'vitest';
import {
  newTemplateForm,
  templatePatch,
  toTemplateDraft,
  toTemplateInput,
  validateTemplateForm,
  type TemplateFormValues,
} from './template-form.ts';

const saved: TemplateFormValues = {
  channel: 'email',
  name: 'Oil change',
  contactType: 'maintenance',
  language: 'en',
  purpose: 'service',
  active: true,
  subject: 'Time for service',
  body: '<p>Hi</p>',
};

describe('templatePatch', () => {
  it('is empty when nothing changed', () => {
    expect(templatePatch({ ...saved, name: ' Oil change ' }, saved)).toEqual({});
  });
  it('sends only what changed', () => {
    expect(templatePatch({ ...saved, active: false, body: '<p>Hello</p>' }, saved)).toEqual({
      active: false,
      body: '<p>Hello</p>',
    });
  });
  it('never sends a subject for channels without one', () => {
    const sms = { ...saved, channel: 'sms' as const, subject: '', body: 'Hi' };
    expect(templatePatch({ ...sms, subject: 'ignored' }, sms)).toEqual({});
  });
});

describe('toTemplateInput and toTemplateDraft', () => {
  it('trim the name and drop the subject of a text', () => {
    const v = { ...saved, channel: 'sms' as const, name: ' Reminder ', subject: 'x', body: 'Hi' };
    expect(toTemplateInput(v)).toMatchObject({ name: 'Reminder', subject: null, channel: 'sms' });
    expect(toTemplateDraft(v, 7)).toEqual({
      channel: 'sms',
      language: 'en',
      purpose: 'service',
      subject: null,
      body: 'Hi',
      customerId: 7,
    });
  });
  it('have nothing to preview while the body is blank', () => {
    expect(toTemplateDraft({ ...saved, body: '  \n' }, null)).toBeNull();
  });
});

describe('validateTemplateForm', () => {
  it('accepts a complete template', () => {
    expect(validateTemplateForm(saved)).toEqual({});
  });
  it('names each missing or malformed field', () => {
    expect(validateTemplateForm({ ...newTemplateForm(), contactType: 'No Show' })).toEqual({
      name: 'Give the template a name.',
      contactType: 'Use lower-case letters, digits and “_” (e.g. maintenance, no_show).',
      subject: 'An e-mail needs a subject.',
      body: 'Write the message.',
    });
  });
});
