import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { BatchContactStatus, StatusSeries } from '../../api/batch-status.types.ts';
import { axisTicks, BATCH_STATUS_LABEL, stackedBars, statusFill } from '../../lib/batch-status.ts';
import { formatDate } from '../../lib/format.ts';

const WIDTH = 760;
const HEIGHT = 200;
const LEFT = 36;
const BOTTOM = 22;

/**
 * Contacts per day, stacked by status, drawn as plain SVG (no chart library in the app). The legend
 * is the status filter too: clicking an entry switches that status off or on everywhere.
 */
export function StatusChart({
  series,
  statuses,
  excluded,
  onToggle,
}: {
  series: StatusSeries;
  statuses: readonly BatchContactStatus[];
  excluded: readonly BatchContactStatus[];
  onToggle: (status: BatchContactStatus) => void;
}) {
  const shown = statuses.filter((s) => !excluded.includes(s));
  const { bars, max } = stackedBars(series.days, shown, { width: WIDTH, height: HEIGHT });
  // A label under every day would overlap beyond a fortnight; keep about eight.
  const every = Math.max(1, Math.ceil(bars.length / 8));
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <svg
          viewBox={`0 0 ${LEFT + WIDTH + 8} ${HEIGHT + BOTTOM + 8}`}
          width="100%"
          role="img"
          aria-label={`Contacts per day by status, ${formatDate(series.range.from)} to ${formatDate(series.range.to)}`}
          data-testid="status-chart"
        >
          <g transform={`translate(${LEFT}, 4)`}>
            {axisTicks(max).map((tick) => {
              const y = HEIGHT - (tick / max) * HEIGHT;
              return (
                <g key={tick}>
                  <line x1={0} x2={WIDTH} y1={y} y2={y} stroke="#dee2e6" />
                  <text x={-6} y={y + 4} textAnchor="end" fontSize={11} fill="#868e96">
                    {tick}
                  </text>
                </g>
              );
            })}
            {bars.map((b, i) => (
              <g key={b.date}>
                <title>{`${formatDate(b.date)}: ${b.total} contact${b.total === 1 ? '' : 's'}`}</title>
                {b.segments.map((s) => (
                  <rect
                    key={s.status}
                    x={b.x}
                    y={s.y}
                    width={b.width}
                    height={s.height}
                    fill={statusFill(s.status)}
                    data-status={s.status}
                  >
                    <title>{`${formatDate(b.date)} · ${BATCH_STATUS_LABEL[s.status]}: ${s.count}`}</title>
                  </rect>
                ))}
                {i % every === 0 && (
                  <text x={b.x + b.width / 2} y={HEIGHT + 15} textAnchor="middle" fontSize={11} fill="#868e96">
                    {b.date.slice(5)}
                  </text>
                )}
              </g>
            ))}
          </g>
        </svg>
        <Group gap="md" role="group" aria-label="Chart legend: click a status to hide or show it">
          {statuses.map((s) => {
            const on = !excluded.includes(s);
            return (
              <UnstyledButton
                key={s}
                onClick={() => onToggle(s)}
                aria-pressed={on}
                data-testid={`legend-${s}`}
                style={{ opacity: on ? 1 : 0.45 }}
              >
                <Group gap={6} wrap="nowrap">
                  <svg width={12} height={12} aria-hidden>
                    <rect width={12} height={12} rx={2} fill={on ? statusFill(s) : 'none'} stroke={statusFill(s)} />
                  </svg>
                  <Text size="sm" td={on ? undefined : 'line-through'}>
                    {BATCH_STATUS_LABEL[s]}
                  </Text>
                </Group>
              </UnstyledButton>
            );
          })}
        </Group>
      </Stack>
    </Paper>
  );
}
