import { Alert, Anchor, Group, Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCallerIds, useRecordings } from '../../api/voice.queries.ts';
import type { VoiceCallerId, VoiceRecording } from '../../api/voice.types.ts';
import { errorMessage } from '../../lib/errors.ts';
import { callerIdLabel, recordingLabel, VOICE_PURPOSE_OPTIONS, type VoicePurpose } from '../../lib/voice.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';

export interface VoiceDropChoice {
  /** Ids as strings ('' before one is chosen), as selects keep them. */
  recordingId: string;
  callerIdId: string;
  purpose: VoicePurpose;
}

/** The store's recordings and caller IDs, and whether voice drops can be set up at all (one active of each). */
export function useVoiceSetup(storeId: number | undefined) {
  const recordings = useRecordings(storeId);
  const callerIds = useCallerIds(storeId);
  const failed = [recordings, callerIds].find((q) => q.isError);
  const loading = recordings.isPending || callerIds.isPending;
  const recordingList: VoiceRecording[] = recordings.data ?? [];
  const callerIdList: VoiceCallerId[] = callerIds.data ?? [];
  const missing = loading
    ? []
    : [
        ...(recordingList.some((r) => r.active) ? [] : ['recording']),
        ...(callerIdList.some((c) => c.active) ? [] : ['caller ID']),
      ];
  return { loading, error: failed?.error ?? null, recordings: recordingList, callerIds: callerIdList, missing };
}

/** "Voice drops need a recording and a caller ID": shown instead of the voice fields until the store has both. */
export function VoiceSetupAlert({ missing, canManage }: { missing: readonly string[]; canManage: boolean }) {
  return (
    <Alert color="yellow" title="Set up voice drops first" role="alert" data-testid="voice-setup-needed">
      <Text size="sm">
        Voice drops play a recording and show a caller ID; this store has no active {missing.join(' and no active ')}{' '}
        yet.{' '}
        {canManage ? (
          <Anchor component={Link} to="/voice" size="sm">
            Add a {missing.join(' and a ')} in Voice drop set-up
          </Anchor>
        ) : (
          'Ask a manager to add them in Voice drop set-up.'
        )}
      </Text>
    </Alert>
  );
}

/**
 * Recording (with a player for the chosen one), Caller ID and Purpose, for a voice drop batch or
 * campaign; the set-up alert instead while the store lacks a recording or a caller ID.
 */
export function VoiceDropFields({
  storeId,
  value,
  onChange,
  errors = {},
  readOnly = false,
  canManage,
  required,
  recordingFieldLabel = 'Recording',
}: {
  storeId: number;
  value: VoiceDropChoice;
  onChange: (patch: Partial<VoiceDropChoice>) => void;
  errors?: Partial<Record<'recordingId' | 'callerIdId', string | undefined>>;
  readOnly?: boolean;
  canManage: boolean;
  /** Shows the asterisk while empty (the campaign form's way); otherwise always. */
  required?: (field: 'recordingId' | 'callerIdId') => boolean;
  /** "Audio file" on the Send Voice Drop screen, as the seeds call it there. */
  recordingFieldLabel?: string;
}) {
  const setup = useVoiceSetup(storeId);
  if (setup.loading) return <Loader size="sm" aria-label="Loading recordings and caller IDs" />;
  if (setup.error)
    return (
      <Alert color="red" title="Cannot load the recordings and caller IDs" role="alert">
        {errorMessage(setup.error)}
      </Alert>
    );
  // A saved batch keeps showing what it uses, even after the store switched it off.
  const hasSaved = value.recordingId !== '' && value.callerIdId !== '';
  if (setup.missing.length > 0 && !(readOnly && hasSaved))
    return <VoiceSetupAlert missing={setup.missing} canManage={canManage} />;

  const recordingOptions = setup.recordings
    .filter((r) => r.active || String(r.id) === value.recordingId)
    .map((r) => ({ value: String(r.id), label: recordingLabel(r) }));
  const callerIdOptions = setup.callerIds
    .filter((c) => c.active || String(c.id) === value.callerIdId)
    .map((c) => ({ value: String(c.id), label: callerIdLabel(c) }));
  const recording = setup.recordings.find((r) => String(r.id) === value.recordingId);
  const star = (f: 'recordingId' | 'callerIdId') => (required ? required(f) : true);

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={recordingFieldLabel}
          withAsterisk={star('recordingId')}
          description="The audio file the voicemail plays"
          placeholder="Choose a recording"
          data={recordingOptions}
          value={value.recordingId || null}
          onChange={(v) => onChange({ recordingId: v ?? '' })}
          error={errors.recordingId}
          readOnly={readOnly}
          searchable
          nothingFoundMessage="No recording"
          comboboxProps={{ withinPortal: true }}
          style={{ flex: 1, minWidth: 240 }}
        />
        {recording ? (
          <RecordingPlayer name={recording.name} contentUrl={recording.contentUrl} />
        ) : (
          <Text size="xs" c="dimmed" pb={8}>
            Choose one to listen to it.
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Caller ID"
          withAsterisk={star('callerIdId')}
          description="The number customers see"
          placeholder="Choose a caller ID"
          data={callerIdOptions}
          value={value.callerIdId || null}
          onChange={(v) => onChange({ callerIdId: v ?? '' })}
          error={errors.callerIdId}
          readOnly={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Purpose"
          description="Marketing drops go only to customers who agreed to them"
          data={VOICE_PURPOSE_OPTIONS.map((o) => ({ ...o }))}
          value={value.purpose}
          onChange={(v) => v && onChange({ purpose: v === 'service' ? 'service' : 'marketing' })}
          readOnly={readOnly}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {canManage && (
        <Text size="xs" c="dimmed">
          Recordings and caller IDs are added in{' '}
          <Anchor component={Link} to="/voice" size="xs">
            Voice drop set-up
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  );
}
