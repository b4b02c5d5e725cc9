import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../api/channels.types.ts';
import { ApiError } from '../api/client.ts';
import { channelFieldErrors, channelFormDirty, secretIsSet, toChannelChange, toChannelForm } from './channel-form.ts';

const outbox: ChannelConfig = { channel: 'email', provider: 'outbox', settings: {}, secretsSet: [], updatedAt: null };
const smtp: ChannelConfig = {
  channel: 'email',
  provider: 'smtp',
  settings: {
    host: 'smtp.example.test',
    port: 465,
    secure: true,
    user: null,
    from: 'Elm <service@elm.test>',
    fromAddresses: ['a@elm.test', 'b@elm.test'],
    maxConnections: 10,
    dkimDomain: null,
    dkimSelector: null,
    rejectUnauthorized: true,
  },
  secretsSet: ['password'],
  updatedAt: '2026-11-23T14:00:00Z',
};

describe('channel forms', () => {
  it('start from the provider’s defaults when the channel uses another provider', () => {
    const form = toChannelForm(outbox, 'smtp');
    expect(form.settings).toMatchObject({ host: '', port: '587', secure: false, rejectUnauthorized: true });
    expect(form.secrets).toEqual({ password: '', dkimPrivateKey: '', webhookSecret: '' });
    expect(toChannelForm(outbox).settings).toEqual({});
  });

  it('show the saved settings, lists joined', () => {
    expect(toChannelForm(smtp).settings).toMatchObject({
      host: 'smtp.example.test',
      port: '465',
      user: '',
      fromAddresses: 'a@elm.test, b@elm.test',
    });
  });

  it('send every setting and only the secrets typed', () => {
    const form = toChannelForm(smtp);
    form.settings.port = ' 2525 ';
    form.settings.user = 'apikey';
    form.settings.fromAddresses = 'a@elm.test,\nc@elm.test';
    form.secrets.dkimPrivateKey = '-----BEGIN';
    expect(toChannelChange(form)).toEqual({
      provider: 'smtp',
      settings: {
        host: 'smtp.example.test',
        port: 2525,
        user: 'apikey',
        from: 'Elm <service@elm.test>',
        fromAddresses: ['a@elm.test', 'c@elm.test'],
        maxConnections: 10,
        dkimDomain: null,
        dkimSelector: null,
        secure: true,
        rejectUnauthorized: true,
      },
      secrets: { dkimPrivateKey: '-----BEGIN' },
    });
    expect(toChannelChange(toChannelForm(outbox))).toEqual({ provider: 'outbox' });
  });

  it('send a number that is not one as typed, for the server to name', () => {
    const form = toChannelForm(smtp);
    form.settings.port = 'abc';
    expect(toChannelChange(form).settings?.port).toBe('abc');
  });

  it('know which secrets are set, per provider', () => {
    expect(secretIsSet(smtp, 'smtp', 'password')).toBe(true);
    expect(secretIsSet(smtp, 'smtp', 'dkimPrivateKey')).toBe(false);
    expect(secretIsSet({ ...smtp, provider: 'outbox' }, 'smtp', 'password')).toBe(false);
  });

  it('are dirty when anything differs, a typed secret included', () => {
    const form = toChannelForm(smtp);
    expect(channelFormDirty(form, smtp)).toBe(false);
    expect(channelFormDirty({ ...form, secrets: { ...form.secrets, password: 'x' } }, smtp)).toBe(true);
    expect(channelFormDirty({ ...form, settings: { ...form.settings, host: 'other' } }, smtp)).toBe(true);
    expect(channelFormDirty(toChannelForm(smtp, 'outbox'), smtp)).toBe(true);
  });

  it('map the server’s refusal to the fields it names', () => {
    const error = new ApiError(
      400,
      'invalid_input',
      'Check the smtp settings: port: Too big: expected number to be <=65535; fromAddresses.1: Invalid email address; nope: x',
    );
    expect(channelFieldErrors(error, 'smtp')).toEqual({
      port: 'Too big: expected number to be <=65535',
      fromAddresses: 'Invalid email address',
    });
    expect(channelFieldErrors(new ApiError(400, 'invalid_input', 'smtp takes the secrets password'), 'smtp')).toEqual(
      {},
    );
    expect(channelFieldErrors(new Error('x'), 'smtp')).toEqual({});
  });
});
