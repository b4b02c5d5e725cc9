import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildCustomer, buildUser, buildVehicle } from '../../test/support/factories.ts';
import { ensureDefaultTemplates } from './templates.store.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
});
afterAll(() => t.close());

const email = (over: Record<string, unknown> = {}) => ({
  channel: 'email',
  contactType: 'maintenance',
  language: 'en',
  purpose: 'service',
  name: `Oil change ${Math.random().toString(36).slice(2, 8)}`,
  subject: 'Time for service, <First Name>',
  body: '<p>Dear <Mailing Name>,</p>\n<p>Your <year> <make> <model> is due.</p>',
  ...over,
});

type Saved = { id: number; currentVersion: number; body: string; subject: string | null; newVersion: boolean };

describe('templates API', () => {
  it('converts seed-style tags on save and reports each conversion', async () => {
    const res = await manager.post(`/api/stores/${t.storeA.id}/templates`, email());
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<Saved & { converted: { seed: string; field: string }[] }>();
    expect(saved.body).toContain('{{ customer.mailing_name }}');
    expect(saved.body).not.toContain('<Mailing Name>');
    expect(saved.converted.map((c) => c.seed)).toEqual(
      expect.arrayContaining(['<First Name>', '<Mailing Name>', '<year>', '<make>', '<model>']),
    );
    expect(saved.currentVersion).toBe(1);
  });

  it('refuses an unknown merge tag with a 422 naming it, its line and column', async () => {
    const res = await manager.post(
      `/api/stores/${t.storeA.id}/templates`,
      email({ body: '<p>Hello</p>\n<p>{{ customer.nmae }}</p>' }),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; message: string; details: { problems: object[] } } }>();
    expect(body.error.code).toBe('template_unknown_tag');
    expect(body.error.details.problems[0]).toMatchObject({ tag: 'customer.nmae', line: 2, field: 'body' });
    expect(body.error.message).toContain('customer.nmae');
  });

  it('refuses an unknown seed-style tag and a Liquid syntax error', async () => {
    const seed = await manager.post(
      `/api/stores/${t.storeA.id}/templates`,
      email({ subject: 'Hi <Favourite Colour>' }),
    );
    expect(seed.statusCode).toBe(422);
    expect(seed.json<{ error: { details: { problems: object[] } } }>().error.details.problems[0]).toMatchObject({
      tag: '<Favourite Colour>',
      field: 'subject',
      line: 1,
      column: 4,
    });
    const syntax = await manager.post(`/api/stores/${t.storeA.id}/templates`, email({ body: '<p>{% if x %}</p>' }));
    expect(syntax.statusCode).toBe(422);
    expect(syntax.json<{ error: { code: string } }>().error.code).toBe('template_syntax');
  });

  it('sanitises HTML and says what it removed', async () => {
    const res = await manager.post(
      `/api/stores/${t.storeA.id}/templates`,
      email({
        body: '<p onclick="steal()">Hi</p><script>alert(1)</script><form action="https://evil.test"><input name="x"></form><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<Saved & { removed: { kind: string; name: string }[] }>();
    expect(saved.body).not.toMatch(/script|onclick|<form|<input/);
    expect(saved.body).toContain('href="{{ unsubscribe_url }}"');
    expect(saved.removed.map((r) => r.name)).toEqual(expect.arrayContaining(['script', 'onclick', 'form']));
  });

  it('appends a version on a content edit and never changes an earlier one', async () => {
    const created = (await manager.post(`/api/stores/${t.storeA.id}/templates`, email())).json<Saved>();
    const renamed = await manager.send('PATCH', `/api/templates/${created.id}`, { name: `${created.id} renamed` });
    expect(renamed.json<Saved>()).toMatchObject({ currentVersion: 1, newVersion: false });
    const edited = await manager.send('PATCH', `/api/templates/${created.id}`, { body: '<p>New words</p>' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Saved>()).toMatchObject({ currentVersion: 2, newVersion: true });
    const v1 = (await manager.get(`/api/templates/${created.id}/versions/1`)).json<Saved>();
    expect(v1.body).toBe(created.body);
    const detail = (await manager.get(`/api/templates/${created.id}`)).json<{ body: string; versions: object[] }>();
    expect(detail.body).toBe('<p>New words</p>');
    expect(detail.versions).toHaveLength(2);
    await expect(
      sql`update template_versions set body = 'rewritten' where template_id = ${created.id}`.execute(t.db.kysely),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a duplicate name with 409, and lets only managers and admins write', async () => {
    const first = email();
    expect((await manager.post(`/api/stores/${t.storeA.id}/templates`, first)).statusCode).toBe(201);
    const dup = await manager.post(`/api/stores/${t.storeA.id}/templates`, {
      ...first,
      name: first.name.toUpperCase(),
    });
    expect(dup.statusCode).toBe(409);
    expect((await agent.post(`/api/stores/${t.storeA.id}/templates`, email())).statusCode).toBe(403);
    expect((await manager.post(`/api/stores/${t.storeB.id}/templates`, email())).statusCode).toBe(404);
  });

  it('checks texts: figures on save, the opt-out line on marketing, and the 1,600-character cap', async () => {
    const sms = await manager.post(`/api/stores/${t.storeA.id}/templates`, {
      channel: 'sms',
      contactType: 'maintenance',
      language: 'en',
      purpose: 'marketing',
      name: 'Spring tire swap',
      body: 'Hi {{ customer.first_name | default: "there" }}, spring tire swaps are on at {{ store.name }}.',
    });
    expect(sms.statusCode, sms.body).toBe(201);
    expect(sms.json<{ sms: { encoding: string; segments: number } }>().sms).toMatchObject({ encoding: 'GSM-7' });
    const id = sms.json<Saved>().id;
    const preview = (await agent.post(`/api/templates/${id}/preview`, {})).json<{ text: string; sms: object }>();
    expect(preview.text).toMatch(/Reply STOP/);
    const long = await manager.post(`/api/stores/${t.storeA.id}/templates`, {
      channel: 'sms',
      contactType: 'maintenance',
      language: 'en',
      purpose: 'service',
      name: 'Too long',
      body: 'x'.repeat(1601),
    });
    expect(long.statusCode).toBe(422);
    expect(long.json<{ error: { code: string } }>().error.code).toBe('template_sms_too_long');
  });

  it('previews a saved template for a real customer of its store, and refuses another store’s customer', async () => {
    const created = (await manager.post(`/api/stores/${t.storeA.id}/templates`, email())).json<Saved>();
    const c = await buildCustomer(t.db.kysely, t.storeA.id, { first_name: 'Renée', mailing_name: 'Renée Tremblay' });
    await buildVehicle(t.db.kysely, c, { year: 2021, make: 'Subaru', model: 'Outback' });
    const res = await agent.post(`/api/templates/${created.id}/preview`, { customerId: c.id });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<{ subject: string; html: string; text: string; customer: { label: string } }>();
    expect(p.subject).toBe('Time for service, Renée');
    expect(p.html).toContain('Renée Tremblay');
    expect(p.html).toContain('2021 Subaru Outback');
    expect(p.text).toContain('2021 Subaru Outback');
    expect(p.html).not.toContain('{{');
    const other = await buildCustomer(t.db.kysely, t.storeB.id);
    expect((await agent.post(`/api/templates/${created.id}/preview`, { customerId: other.id })).statusCode).toBe(404);
  });

  it('previews an unsaved draft for the sample customer and renders letters to PDF', async () => {
    const draft = await agent.post(`/api/stores/${t.storeA.id}/templates/preview`, {
      channel: 'email',
      language: 'fr',
      purpose: 'marketing',
      subject: 'Bonjour {{ customer.first_name }}',
      body: '<p>Votre {{ vehicle.make }} vous attend.</p>',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const p = draft.json<{ html: string; customer: { id: number | null } }>();
    expect(p.customer.id).toBeNull();
    expect(p.html).toContain('/unsubscribe/preview');
    const letter = (
      await manager.post(`/api/stores/${t.storeA.id}/templates`, {
        channel: 'letter',
        contactType: 'maintenance',
        language: 'en',
        purpose: 'service',
        name: 'Service letter',
        body: '<p>Dear {{ customer.mailing_name }},</p><p>See you soon.</p>',
      })
    ).json<Saved>();
    const preview = (await agent.post(`/api/templates/${letter.id}/preview`, {})).json<{ pdfUrl: string }>();
    const pdf = await agent.get(preview.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists the store’s templates, defaults included, and filters them', async () => {
    expect(await ensureDefaultTemplates(t.db.kysely, t.storeA.id)).toBe(24);
    expect(await ensureDefaultTemplates(t.db.kysely, t.storeA.id)).toBe(0);
    const res = await agent.get(`/api/stores/${t.storeA.id}/templates?language=fr&channel=email`);
    const list = res.json<{ templates: { name: string; isDefault: boolean }[] }>().templates;
    expect(list.filter((x) => x.isDefault).map((x) => x.name)).toContain('Rappel 1');
    const tags = (await agent.get('/api/merge-tags')).json<{ tags: { path: string }[] }>().tags;
    expect(tags.map((x) => x.path)).toContain('customer.mailing_name');
  });
});
