import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { SendOptions } from '../api/delivery.types.ts';
import type { TemplateSummary } from '../api/templates.types.ts';
import {
  groupTemplates,
  initialSendValues,
  notEligibleReasons,
  splitAddresses,
  textToEmailHtml,
  toSendRequest,
  validateSend,
  withChannel,
  type SendFormValues,
} from './send-form.ts';

const options: SendOptions = {
  targets: { email: ['gabrielle@example.test'], sms: ['+14165550123'] },
  senders: ['ada@example.test', 'service@elm.test'],
  smsSenders: ['+14165550100', 'ELMAUTO'],
  language: 'fr',
};

const written = (over: Partial<SendFormValues> = {}): SendFormValues => ({
  ...initialSendValues(options),
  source: 'write',
  subject: ' Your car ',
  body: 'Hello {{ customer.first_name }},\n\nIt is ready.',
  ...over,
});

describe('the send form', () => {
  it('starts as a service e-mail to the customer’s first address', () => {
    expect(initialSendValues(options)).toMatchObject({
      purpose: 'service',
      channel: 'email',
      target: 'gabrielle@example.test',
      sender: '',
    });
    expect(initialSendValues(undefined).target).toBe('');
  });

  it('switches the target and drops the template with the channel', () => {
    const v = withChannel({ ...initialSendValues(options), templateId: 4 }, 'sms', options);
    expect([v.channel, v.target, v.templateId]).toEqual(['sms', '+14165550123', null]);
  });

  it('maps a written e-mail to the request, with paragraphs, CC/BCC and the From', () => {
    expect(
      toSendRequest(written({ cc: 'a@x.test, b@x.test', bcc: 'c@x.test', bccSelf: true, sender: 'service@elm.test' })),
    ).toEqual({
      purpose: 'service',
      channel: 'email',
      subject: 'Your car',
      body: '<p>Hello {{ customer.first_name }},</p>\n<p>It is ready.</p>',
      target: 'gabrielle@example.test',
      cc: ['a@x.test', 'b@x.test'],
      bcc: ['c@x.test'],
      bccSelf: true,
      sender: 'service@elm.test',
    });
  });

  it('sends a template by id, and a text without subject, CC or From', () => {
    expect(toSendRequest({ ...initialSendValues(options), templateId: 7 })).toEqual({
      purpose: 'service',
      channel: 'email',
      templateId: 7,
      target: 'gabrielle@example.test',
    });
    const sms = withChannel(written({ cc: 'a@x.test', bccSelf: true, sender: 'ada@example.test' }), 'sms', options);
    expect(toSendRequest({ ...sms, purpose: 'marketing', body: 'Hi\nthere' })).toEqual({
      purpose: 'marketing',
      channel: 'sms',
      body: 'Hi\nthere',
      target: '+14165550123',
    });
    expect(toSendRequest({ ...sms, sender: 'ELMAUTO', body: 'Hi' })).toMatchObject({
      channel: 'sms',
      sender: 'ELMAUTO',
    });
  });

  it('says what is missing or wrong', () => {
    expect(validateSend(initialSendValues(options))).toEqual({ templateId: 'Choose a template, or write a message.' });
    expect(validateSend(written({ subject: ' ', body: '', cc: 'a@x.test, nope' }))).toEqual({
      subject: 'Write a subject.',
      body: 'Write the message.',
      cc: 'Not an e-mail address: nope',
    });
    expect(validateSend(written({ target: '' })).target).toBe('Choose an e-mail address.');
    expect(validateSend(written())).toEqual({});
  });

  it('splits address lists on commas, semicolons and spaces', () => {
    expect(splitAddresses(' a@x.test;b@x.test  c@x.test, ')).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
  });
});

describe('textToEmailHtml', () => {
  it('escapes text but not merge tags, and keeps line breaks', () => {
    expect(textToEmailHtml('Tom & Jerry <3\n{% if a > 1 %}big{% endif %}\n\nBye')).toBe(
      '<p>Tom &amp; Jerry &lt;3<br>\n{% if a > 1 %}big{% endif %}</p>\n<p>Bye</p>',
    );
  });

  it('leaves HTML alone', () => {
    expect(textToEmailHtml('<p>Hi <b>there</b></p>')).toBe('<p>Hi <b>there</b></p>');
  });
});

describe('groupTemplates', () => {
  const t = (id: number, name: string, language: 'en' | 'fr', purpose: 'service' | 'marketing' = 'service') =>
    ({ id, name, language, purpose, active: true }) as const satisfies Partial<TemplateSummary>;
  const list: TemplateSummary[] = [
    t(1, 'Reminder', 'en'),
    t(2, 'Rappel', 'fr'),
    t(3, 'Absence', 'fr'),
    t(4, 'Sale', 'en', 'marketing'),
  ].map((x) => ({
    ...x,
    storeId: 1,
    channel: 'email',
    contactType: 'x',
    currentVersion: 1,
    isDefault: false,
    updatedAt: '',
  }));

  it('puts the customer’s language first and keeps to the purpose', () => {
    expect(groupTemplates(list, 'service', 'fr').map((g) => [g.language, g.templates.map((x) => x.id)])).toEqual([
      ['fr', [3, 2]],
      ['en', [1]],
    ]);
    expect(groupTemplates(list, 'marketing', 'fr').map((g) => g.templates.map((x) => x.id))).toEqual([[4]]);
  });
});

describe('notEligibleReasons', () => {
  it('reads the reasons of a not_eligible refusal only', () => {
    const reasons = [{ code: 'no_marketing_consent', detail: 'no recorded email marketing consent' }];
    expect(notEligibleReasons(new ApiError(422, 'not_eligible', 'no', { reasons }))).toEqual(reasons);
    expect(notEligibleReasons(new ApiError(422, 'not_eligible', 'no'))).toEqual([]);
    expect(notEligibleReasons(new ApiError(422, 'template_unknown_tag', 'no'))).toBeNull();
    expect(notEligibleReasons(new Error('x'))).toBeNull();
  });
});
