import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp3Bytes, wavBytes } from '../../test/support/audio.ts';
import { login, startTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { buildUser } from '../../test/support/factories.ts';
import { ensureContactDefaultsForAllStores } from '../campaigns/contact-types.store.ts';

let t: TestApp;
let manager: Client;
let agent: Client;
beforeAll(async () => {
  t = await startTestApp();
  await buildUser(t.db.kysely, { role: 'manager', storeIds: [t.storeA.id], email: 'manager.a@example.test' });
  manager = await login(t.app, 'manager.a@example.test');
  agent = await login(t.app, 'agent.a@example.test');
  await ensureContactDefaultsForAllStores(t.db.kysely);
});
afterAll(() => t.close());

type Recording = { id: number; name: string; format: string; durationMs: number; contentUrl: string };
type ErrorBody = { error: { code: string; message: string } };
const upload = (c: Client, name: string, bytes: Buffer, type = 'audio/wav') =>
  c.post(`/api/stores/${t.storeA.id}/voice/recordings?name=${encodeURIComponent(name)}`, bytes, {
    'content-type': type,
  });

describe('voice drop recordings', () => {
  it('accepts WAV and MP3, reading format and length from the bytes, and plays them back', async () => {
    const wav = await upload(manager, 'Service reminder', wavBytes(12));
    expect(wav.statusCode, wav.body).toBe(201);
    expect(wav.json<Recording>()).toMatchObject({ format: 'wav', durationMs: 12_000 });
    // An MP3 sent as audio/wav is still an MP3: the bytes decide.
    const mp3 = await upload(manager, 'Sales follow-up', mp3Bytes(20), 'audio/wav');
    expect(mp3.json<Recording>()).toMatchObject({ format: 'mp3', durationMs: expect.closeTo(20_000, -2) as number });
    const played = await agent.get(wav.json<Recording>().contentUrl);
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe('audio/wav');
    expect(played.rawPayload.equals(wavBytes(12))).toBe(true);
    // Byte ranges, as browsers ask for audio.
    const part = await t.app.inject({
      method: 'GET',
      url: wav.json<Recording>().contentUrl,
      headers: { cookie: agent.cookie, range: 'bytes=0-99' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${wavBytes(12).length}`);
    expect(part.rawPayload.equals(wavBytes(12).subarray(0, 100))).toBe(true);
    const beyond = await t.app.inject({
      method: 'GET',
      url: wav.json<Recording>().contentUrl,
      headers: { cookie: agent.cookie, range: 'bytes=999999999-' },
    });
    expect(beyond.statusCode).toBe(416);
    const list = (await agent.get(`/api/stores/${t.storeA.id}/voice/recordings`)).json<{ recordings: Recording[] }>();
    expect(list.recordings.map((r) => r.name)).toEqual(['Sales follow-up', 'Service reminder']);
  });

  it('refuses what is not audio, too big, too short or too long, saying why', async () => {
    const notAudio = await upload(manager, 'Oops', Buffer.from('%PDF-1.4 a letter, not a recording'));
    expect(notAudio.statusCode).toBe(422);
    expect(notAudio.json<ErrorBody>().error.message).toMatch(/not an audio file\. Upload a WAV or MP3/);
    const big = await upload(manager, 'Big', wavBytes(330, 8000));
    expect(big.statusCode).toBe(422);
    expect(big.json<ErrorBody>().error.message).toMatch(
      /The file is 5\.0 MB; recordings may be at most 5\.0 MB|The file is 5\.\d MB/,
    );
    const short = await upload(manager, 'Short', wavBytes(1));
    expect(short.json<ErrorBody>().error.message).toMatch(/lasts 1 s; it must last at least 3 s/);
    const long = await upload(manager, 'Long', wavBytes(150, 4000));
    expect(long.json<ErrorBody>().error.message).toMatch(/lasts 150 s; voicemail drops may last at most 120 s/);
    const huge = await upload(manager, 'Huge', Buffer.alloc(12 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
  });

  it('refuses a duplicate name and agents', async () => {
    expect((await upload(manager, 'Dup', wavBytes(5))).statusCode).toBe(201);
    expect((await upload(manager, 'dup', wavBytes(5))).statusCode).toBe(409);
    expect((await upload(agent, 'Agent', wavBytes(5))).statusCode).toBe(403);
  });
});

describe('caller IDs', () => {
  it('are normalised to E.164 with the store’s country; a bad or repeated number is refused', async () => {
    const ok = await manager.send('POST', `/api/stores/${t.storeA.id}/voice/caller-ids`, {
      number: '(416) 555-0100',
      label: 'Service desk',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ number: '+14165550100', label: 'Service desk', active: true });
    const again = await manager.send('POST', `/api/stores/${t.storeA.id}/voice/caller-ids`, {
      number: '+1 416 555 0100',
      label: 'Again',
    });
    expect(again.statusCode).toBe(409);
    const bad = await manager.send('POST', `/api/stores/${t.storeA.id}/voice/caller-ids`, {
      number: '555-01',
      label: 'Bad',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(/is not a phone number customers can be called from/);
  });
});

describe('voice drop batches', () => {
  it('need a recording and a caller ID, and the message names what is missing', async () => {
    const k = t.db.kysely;
    const query = await k
      .insertInto('saved_queries')
      .values({ store_id: t.storeB.id, name: 'All', filter: JSON.stringify({ op: 'and', rules: [] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const code = await k
      .selectFrom('recycle_codes')
      .select('id')
      .where('store_id', '=', t.storeB.id)
      .where('key', '=', 'voice_drop')
      .executeTakeFirstOrThrow();
    await buildUser(k, { role: 'manager', storeIds: [t.storeB.id], email: 'manager.b@example.test' });
    const managerB = await login(t.app, 'manager.b@example.test');
    const body = {
      name: 'Drops',
      channel: 'voice',
      kind: 'fetch',
      savedQueryId: query.id,
      recycleCodeId: code.id,
      templateId: null,
      dailyLimit: 50,
    };
    const refused = await managerB.send('POST', `/api/stores/${t.storeB.id}/batch-schedules`, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error.message).toMatch(
      /Choose the recording.*Choose the caller ID.*add a recording and a caller ID in Voice Drop set-up/,
    );
    const rec = await managerB.post(`/api/stores/${t.storeB.id}/voice/recordings?name=Hello`, wavBytes(8), {
      'content-type': 'audio/wav',
    });
    const caller = await managerB.send('POST', `/api/stores/${t.storeB.id}/voice/caller-ids`, {
      number: '416 555 0199',
      label: 'BDC',
    });
    const ok = await managerB.send('POST', `/api/stores/${t.storeB.id}/batch-schedules`, {
      ...body,
      recordingId: rec.json<Recording>().id,
      callerIdId: caller.json<{ id: number }>().id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      names: { recording: 'Hello', callerId: 'BDC (+14165550199)' },
      purpose: 'marketing',
    });
    // Store A's manager cannot use store B's recording.
    const foreign = await manager.send('POST', `/api/stores/${t.storeA.id}/batch-schedules`, {
      ...body,
      name: 'Foreign',
      savedQueryId: query.id,
      recordingId: rec.json<Recording>().id,
    });
    expect(foreign.statusCode).toBe(422);
  });
});
