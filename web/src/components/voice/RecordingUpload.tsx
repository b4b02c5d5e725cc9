import { Alert, Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import { useUploadRecording } from '../../api/voice.queries.ts';
import { errorMessage } from '../../lib/errors.ts';
import { AUDIO_ACCEPT, AUDIO_HINT, fileTooBig, formatSize, recordingNameFromFile } from '../../lib/voice.ts';
import { useNotify } from '../Notifications.tsx';

/**
 * Upload a WAV or MP3: choose the file, keep or change its name (the file's, without the
 * extension), send. The server reads the bytes and says why it refuses a file; that sentence is
 * shown here until another file is chosen.
 */
export function RecordingUpload({ storeId }: { storeId: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  const upload = useUploadRecording(storeId);
  const notify = useNotify();

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setRefusal(chosen ? fileTooBig(chosen.size) : null);
    setNameError(null);
    if (chosen) setName(recordingNameFromFile(chosen.name));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || upload.isPending) return;
    const trimmed = name.trim();
    if (trimmed === '') return setNameError('Give the recording a name.');
    const tooBig = fileTooBig(file.size);
    if (tooBig) return setRefusal(tooBig);
    upload.mutate(
      { name: trimmed, file },
      {
        onSuccess: (r) => {
          notify({ color: 'green', title: 'Recording added', message: `“${r.name}” can be used by voice drops.` });
          setFile(null);
          setName('');
          resetRef.current?.();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) return setNameError(error.message);
          if (isApiError(error) && error.status === 413) return setRefusal(fileTooBig(file.size) ?? error.message);
          setRefusal(errorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Upload a recording" noValidate>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <FileButton onChange={choose} accept={AUDIO_ACCEPT} resetRef={resetRef}>
            {(props) => (
              <Button variant="default" {...props}>
                {file ? 'Choose another file…' : 'Choose a file…'}
              </Button>
            )}
          </FileButton>
          {file && (
            <>
              <TextInput
                label="Recording name"
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setNameError(null);
                }}
                error={nameError}
                maxLength={120}
                w={280}
              />
              <Button type="submit" loading={upload.isPending} disabled={refusal !== null}>
                Upload
              </Button>
            </>
          )}
        </Group>
        <Text size="xs" c="dimmed" data-testid="upload-file">
          {file ? `${file.name} · ${formatSize(file.size)}. ` : ''}
          {AUDIO_HINT}
        </Text>
        {refusal && (
          <Alert color="red" title="This file cannot be used" role="alert" p="xs" data-testid="upload-refusal">
            {refusal}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
