import { describe, expect, it } from 'vitest';
import { classifyUploadError, type ServerContext } from './upload-errors.rules.ts';

const ftp: ServerContext = {
  protocol: 'ftp',
  host: 'ftp.partner.test',
  port: 21,
  password: 'hunter2',
  timeoutMs: 30_000,
};
const sftp: ServerContext = { ...ftp, protocol: 'sftp', port: 22 };
const reply = (code: number, message: string) => Object.assign(new Error(message), { code });
const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('classifyUploadError', () => {
  it('reads FTP replies', () => {
    expect(classifyUploadError(reply(530, '530 Login incorrect.'), 'login', ftp)).toMatchObject({
      code: 'auth_failed',
      message: 'The FTP server at ftp.partner.test:21 refused the user name or password (530).',
    });
    expect(classifyUploadError(reply(452, '452 Insufficient storage space'), 'upload', ftp).code).toBe('remote_full');
    expect(classifyUploadError(reply(552, '552 Quota exceeded'), 'upload', ftp).code).toBe('remote_full');
    expect(classifyUploadError(reply(451, '451 Disk full'), 'upload', ftp).code).toBe('remote_full');
    expect(classifyUploadError(reply(550, '550 Permission denied'), 'directory', ftp)).toMatchObject({
      code: 'remote_refused',
      message: 'The FTP server at ftp.partner.test:21 refused opening the folder: 550 Permission denied.',
    });
    expect(classifyUploadError(reply(421, '421 Too many connections'), 'connect', ftp).code).toBe('unreachable');
  });

  it('reads network failures and timeouts', () => {
    expect(classifyUploadError(nodeError('ECONNREFUSED', 'connect ECONNREFUSED'), 'connect', ftp).code).toBe(
      'unreachable',
    );
    expect(classifyUploadError(nodeError('EHOSTUNREACH', 'connect EHOSTUNREACH'), 'connect', ftp).code).toBe(
      'unreachable',
    );
    expect(classifyUploadError(new Error('Timeout (control socket)'), 'login', ftp)).toMatchObject({
      code: 'timeout',
      message: 'The FTP server at ftp.partner.test:21 did not answer within 30 seconds while logging in.',
    });
    const handshake = Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' });
    expect(classifyUploadError(handshake, 'connect', sftp).code).toBe('timeout');
    expect(
      classifyUploadError(nodeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'connect', ftp).code,
    ).toBe('protocol');
  });

  it('reads SFTP failures', () => {
    const auth = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(classifyUploadError(auth, 'connect', sftp)).toMatchObject({
      code: 'auth_failed',
      message: 'The SFTP server at ftp.partner.test:22 refused the user name or password.',
    });
    expect(classifyUploadError(reply(3, 'Permission denied'), 'upload', sftp).code).toBe('remote_refused');
    expect(classifyUploadError(reply(14, 'No space on filesystem'), 'upload', sftp).code).toBe('remote_full');
    expect(classifyUploadError(reply(4, 'Failure'), 'rename', sftp).code).toBe('remote_refused');
  });

  it('explains a data connection cut mid-file instead of calling it a protocol error', () => {
    expect(classifyUploadError(new Error('Premature close'), 'upload', ftp).code).toBe('remote_refused');
  });

  it('never repeats the password, even when a server echoes it', () => {
    const err = classifyUploadError(reply(501, '501 Bad argument hunter2'), 'login', ftp);
    expect(err.message).not.toContain('hunter2');
    expect(err.message).toContain('********');
  });
});
