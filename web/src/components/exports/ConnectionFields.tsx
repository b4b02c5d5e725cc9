import { Alert, Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { EXPORT_PROTOCOLS, type ExportKind, type ExportProtocol } from '../../api/exports.types.ts';
import { defaultPort, PROTOCOL_LABELS, type ExportFormErrors, type ExportFormValues } from '../../lib/exports.ts';
import { SecretInput } from '../settings/channels/SecretInput.tsx';

const isProtocol = (v: string): v is ExportProtocol => (EXPORT_PROTOCOLS as readonly string[]).includes(v);

const PASSWORD = { name: 'password', label: 'Password', description: 'The password for the server.' };

/** The partner's drop box: protocol, server, port, login (the password write-only), folder, passive mode, run time. */
export function ConnectionFields({
  kind,
  values,
  errors,
  passwordSet,
  isAdmin,
  onChange,
  onProtocol,
}: {
  kind: ExportKind;
  values: ExportFormValues;
  errors: ExportFormErrors;
  passwordSet: boolean;
  isAdmin: boolean;
  onChange: (patch: Partial<ExportFormValues>) => void;
  onProtocol: (protocol: ExportProtocol) => void;
}) {
  const sftp = values.protocol === 'sftp';
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NativeSelect
          label="Protocol"
          description="How the file is uploaded. FTPS is FTP with TLS; SFTP runs over SSH."
          value={values.protocol}
          onChange={(e) => {
            const p = e.currentTarget.value;
            if (isProtocol(p)) onProtocol(p);
          }}
          data={EXPORT_PROTOCOLS.map((p) => ({ value: p, label: PROTOCOL_LABELS[p] }))}
        />
        <TextInput
          label="Server Address"
          description="The host name or IP address the partner gave you."
          placeholder="ftp.partner.com"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.host}
          onChange={(e) => onChange({ host: e.currentTarget.value })}
        />
        <TextInput
          label="Port"
          description={`Blank: ${defaultPort(values.protocol)}, the usual port for ${values.protocol.toUpperCase()}.`}
          placeholder={String(defaultPort(values.protocol))}
          inputMode="numeric"
          value={values.port}
          error={errors.port}
          onChange={(e) => onChange({ port: e.currentTarget.value })}
        />
        <TextInput
          label="User Name"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.user}
          onChange={(e) => onChange({ user: e.currentTarget.value })}
        />
        <SecretInput
          field={PASSWORD}
          isSet={passwordSet}
          value={values.password}
          onChange={(password) => onChange({ password })}
        />
        <TextInput
          label="Directory"
          description="The folder on the server; blank for the folder the login starts in."
          autoComplete="off"
          spellCheck={false}
          value={values.directory}
          onChange={(e) => onChange({ directory: e.currentTarget.value })}
        />
        <TextInput
          label="Run time"
          description="When the nightly export runs, in the store’s time zone (HH:MM, 24 h)."
          value={values.runTime}
          error={errors.runTime}
          maxLength={5}
          onChange={(e) => onChange({ runTime: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        label="Passive Mode"
        description={
          sftp
            ? 'Not used by SFTP.'
            : `The server opens the data connection; only passive mode is supported${kind === 'customerlink' ? ', and it should be checked for CustomerLink' : ''}.`
        }
        disabled={sftp}
        checked={values.passive}
        onChange={(e) => onChange({ passive: e.currentTarget.checked })}
      />
      {isAdmin ? (
        <Checkbox
          label="Allow a private or loopback server address"
          description="Administrators only. Normally a partner’s server is on the internet: private (10.x, 192.168.x) and loopback (127.0.0.1) addresses are refused so that a typo cannot send customer data to a machine inside your network."
          checked={values.allowPrivateHost}
          onChange={(e) => onChange({ allowPrivateHost: e.currentTarget.checked })}
        />
      ) : (
        values.allowPrivateHost && (
          <Text size="sm" c="dimmed">
            An administrator allowed a private or loopback server address for this export.
          </Text>
        )
      )}
      {isAdmin && values.allowPrivateHost && (
        <Alert color="orange" p="xs" role="status" data-testid="private-host-warning">
          The export may go to a server on this store’s own network or on this computer. Allow it only for a server you
          know, such as a relay or a test server.
        </Alert>
      )}
    </Stack>
  );
}
