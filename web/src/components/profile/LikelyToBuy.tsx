import { Box, Tooltip } from '@mantine/core';

const LEVEL_COLORS = ['#fab005', '#fd7e14', '#fa5252'];

/** A thermometer filled to the "Likely To Buy" level (1–3, 3 being the most likely). */
export function LikelyToBuy({ level }: { level: number }) {
  const clamped = Math.max(0, Math.min(3, Math.round(level)));
  const label = `Likely To Buy Level ${clamped}`;
  const fill = LEVEL_COLORS[clamped - 1] ?? '#adb5bd';
  return (
    <Tooltip label={label} withArrow>
      <Box
        component="span"
        role="img"
        aria-label={label}
        tabIndex={0}
        style={{ display: 'inline-flex', cursor: 'help' }}
      >
        <svg width="14" height="26" viewBox="0 0 14 26" aria-hidden="true">
          <rect x="4" y="1" width="6" height="17" rx="3" fill="none" stroke="#868e96" strokeWidth="1.2" />
          {[0, 1, 2].map((i) => (
            <rect key={i} x="5.5" y={12.5 - i * 5} width="3" height="4" rx="1" fill={i < clamped ? fill : '#e9ecef'} />
          ))}
          <circle cx="7" cy="21" r="4" fill={clamped > 0 ? fill : '#e9ecef'} stroke="#868e96" strokeWidth="1.2" />
        </svg>
      </Box>
    </Tooltip>
  );
}
