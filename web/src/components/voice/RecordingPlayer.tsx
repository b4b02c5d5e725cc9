/**
 * The browser's own player for a recording, fetched from the API only when played (same-origin,
 * the session cookie). `key` on the src so choosing another recording loads it.
 */
export function RecordingPlayer({ name, contentUrl }: { name: string; contentUrl: string }) {
  return (
    <audio
      key={contentUrl}
      controls
      preload="none"
      src={contentUrl}
      aria-label={`Play ${name}`}
      data-testid="recording-player"
      style={{ height: 32, maxWidth: 260, display: 'block' }}
    />
  );
}
