import { Group, Paper, Stack, Text } from '@mantine/core';
import { axisTicks } from '../../lib/batch-status.ts';
import { agentFill, type ProductivitySeries } from '../../lib/calls.ts';
import { formatDate } from '../../lib/format.ts';

const WIDTH = 760;
const HEIGHT = 180;
const LEFT = 36;
const BOTTOM = 22;

/** Calls logged per day, stacked by agent, drawn as plain SVG (no chart library in the app). */
export function ProductivityChart({
  series,
  range,
}: {
  series: ProductivitySeries;
  range: { from: string; to: string };
}) {
  const { days, agents, max } = series;
  const slot = days.length === 0 ? 0 : WIDTH / days.length;
  const barWidth = Math.max(1, slot * 0.7);
  const every = Math.max(1, Math.ceil(days.length / 8));
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <svg
          viewBox={`0 0 ${LEFT + WIDTH + 8} ${HEIGHT + BOTTOM + 8}`}
          width="100%"
          role="img"
          aria-label={`Calls logged per day by agent, ${formatDate(range.from)} to ${formatDate(range.to)}`}
          data-testid="productivity-chart"
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
            {days.map((d, i) => {
              const x = i * slot + (slot - barWidth) / 2;
              let top = HEIGHT;
              return (
                <g key={d.date}>
                  <title>{`${formatDate(d.date)}: ${d.total} call${d.total === 1 ? '' : 's'}`}</title>
                  {agents.map((a, j) => {
                    const n = d.calls[a.userId] ?? 0;
                    if (n === 0) return null;
                    const h = (n / max) * HEIGHT;
                    top -= h;
                    return (
                      <rect key={a.userId} x={x} y={top} width={barWidth} height={h} fill={agentFill(j)}>
                        <title>{`${formatDate(d.date)} · ${a.agentName}: ${n}`}</title>
                      </rect>
                    );
                  })}
                  {i % every === 0 && (
                    <text x={x + barWidth / 2} y={HEIGHT + 15} textAnchor="middle" fontSize={11} fill="#868e96">
                      {d.date.slice(5)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
        <Group gap="md" aria-label="Chart legend">
          {agents.map((a, j) => (
            <Group key={a.userId} gap={6} wrap="nowrap">
              <svg width={12} height={12} aria-hidden>
                <rect width={12} height={12} rx={2} fill={agentFill(j)} />
              </svg>
              <Text size="sm">{a.agentName}</Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
