import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import { useRecordings, useUpdateRecording } from '../../api/voice.queries.ts';
import type { VoiceRecording } from '../../api/voice.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDuration, formatSize } from '../../lib/voice.ts';
import { useNotify } from '../Notifications.tsx';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import { RecordingUpload } from './RecordingUpload.tsx';

/** The store's recordings: listen, switch off or on, rename; managers upload new ones. */
export function RecordingsSection({ storeId, canManage }: { storeId: number; canManage: boolean }) {
  const recordings = useRecordings(storeId);
  const update = useUpdateRecording(storeId);
  const notify = useNotify();
  const [renaming, setRenaming] = useState<VoiceRecording | null>(null);

  const setActive = (r: VoiceRecording, active: boolean) =>
    update.mutate(
      { id: r.id, patch: { active } },
      {
        onSuccess: () =>
          notify({
            color: 'green',
            title: active ? 'Recording switched on' : 'Recording switched off',
            message: active ? `Voice drops can play “${r.name}” again.` : `New voice drops cannot choose “${r.name}”.`,
          }),
        onError: (e) => notify({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recordings-title">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4" id="recordings-title">
            Recordings
          </Title>
          <Text size="sm" c="dimmed">
            The audio files voice drops play as a voicemail.
          </Text>
        </Stack>
        {canManage && <RecordingUpload storeId={storeId} />}
        {recordings.isPending ? (
          <Loader size="sm" aria-label="Loading recordings" />
        ) : recordings.isError ? (
          <Alert color="red" title="Cannot load the recordings" role="alert">
            {errorMessage(recordings.error)}
          </Alert>
        ) : recordings.data.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            No recordings yet. Voice drops need at least one.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Recordings" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Format</Table.Th>
                  <Table.Th ta="right">Length</Table.Th>
                  <Table.Th ta="right">Size</Table.Th>
                  <Table.Th>Listen</Table.Th>
                  <Table.Th>Active</Table.Th>
                  {canManage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recordings.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text size="sm" fw={500} c={r.active ? undefined : 'dimmed'}>
                        {r.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" size="sm">
                        {r.format.toUpperCase()}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" data-testid="recording-length">
                      {formatDuration(r.durationMs)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatSize(r.sizeBytes)}
                    </Table.Td>
                    <Table.Td>
                      <RecordingPlayer name={r.name} contentUrl={r.contentUrl} />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${r.name} active`}
                        checked={r.active}
                        disabled={!canManage || (update.isPending && update.variables.id === r.id)}
                        onChange={(e) => setActive(r, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" onClick={() => setRenaming(r)}>
                          Rename
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {renaming && <RenameModal storeId={storeId} recording={renaming} onClose={() => setRenaming(null)} />}
    </Paper>
  );
}

function RenameModal({
  storeId,
  recording,
  onClose,
}: {
  storeId: number;
  recording: VoiceRecording;
  onClose: () => void;
}) {
  const [name, setName] = useState(recording.name);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateRecording(storeId);
  const notify = useNotify();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setError('Give the recording a name.');
    if (trimmed === recording.name) return onClose();
    update.mutate(
      { id: recording.id, patch: { name: trimmed } },
      {
        onSuccess: (r) => {
          notify({ color: 'green', message: `Renamed to “${r.name}”.` });
          onClose();
        },
        onError: (err) => setError(isApiError(err) && err.status === 409 ? err.message : errorMessage(err)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Rename “${recording.name}”`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            data-autofocus
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            maxLength={120}
          />
          <Text size="xs" c="dimmed">
            Batches that play it keep playing it under the new name.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
