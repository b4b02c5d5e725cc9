import { Badge } from '@mantine/core';
import type { TemplateChannel } from '../../api/templates.types.ts';
import { CHANNEL_LABELS } from '../../lib/template-labels.ts';

const COLORS: Record<TemplateChannel, string> = {
  email: 'indigo',
  sms: 'teal',
  voice: 'grape',
  letter: 'orange',
  postcard: 'pink',
};

/** Outline icons (24×24, stroked) for each channel. */
const PATHS: Record<TemplateChannel, string[]> = {
  email: ['M3 6h18v12H3z', 'M3 7l9 6 9-6'],
  sms: ['M4 5h16v11H9l-5 4z'],
  voice: ['M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1'],
  letter: ['M6 3h9l4 4v14H6z', 'M14 3v5h5', 'M9 12h7', 'M9 16h7'],
  postcard: ['M3 5h18v14H3z', 'M13 8v8', 'M16 8h2v2h-2z', 'M6 9h4', 'M6 12h4'],
};

export function ChannelIcon({ channel, size = 14 }: { channel: TemplateChannel; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[channel].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** The channel as a coloured badge with its icon: "E-mail", "Text (SMS)", … */
export function ChannelBadge({ channel }: { channel: TemplateChannel }) {
  return (
    <Badge
      variant="light"
      color={COLORS[channel]}
      leftSection={<ChannelIcon channel={channel} size={12} />}
      data-testid="channel-badge"
    >
      {CHANNEL_LABELS[channel]}
    </Badge>
  );
}
