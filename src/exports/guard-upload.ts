import { checkHost } from './host-guard.ts';
import { UploadError, type UploadConfig, type UploadPolicy } from './upload.ts';

/**
 * The address an uploader may connect to for `config.host`, or an `UploadError`: 'host_refused'
 * for a blocked range or a blank host, 'unreachable' for a name DNS does not know.
 */
export async function guardedAddress(config: UploadConfig, policy: UploadPolicy): Promise<string> {
  const check = await checkHost(config.host, {
    allow: policy.allowHosts,
    ...(policy.resolve ? { resolve: policy.resolve } : {}),
  });
  if (check.ok) return check.address;
  throw new UploadError(check.reason === 'unresolvable' ? 'unreachable' : 'host_refused', check.message);
}
