import { Badge, Group, Pagination, Paper, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { BatchContactsPage } from '../../api/batch-status.types.ts';
import { BATCH_STATUS_COLOR, BATCH_STATUS_LABEL } from '../../lib/batch-status.ts';
import { formatShortDateTimeInZone } from '../../lib/format.ts';

/** The Batch Contact Status grid: double-click (or Enter on) a row to open the customer's profile. */
export function ContactsGrid({ data, onPage }: { data: BatchContactsPage; onPage: (page: number) => void }) {
  const navigate = useNavigate();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (data.rows.length === 0) {
    return (
      <Paper withBorder p="xl" ta="center" c="dimmed" role="status">
        No contacts in these days with the chosen statuses.
      </Paper>
    );
  }
  const open = (customerId: number) => void navigate(`/customers/${customerId}`);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table highlightOnHover striped aria-label="Batch contacts" data-testid="batch-contacts-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cust#</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Branch Name</Table.Th>
              <Table.Th>Contact ID</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr
                key={r.id}
                tabIndex={0}
                style={{ cursor: 'pointer', userSelect: 'none' }}
                title="Double-click to open the customer"
                onDoubleClick={() => open(r.customerId)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(r.customerId);
                }}
              >
                <Table.Td>{r.customerNumber}</Table.Td>
                <Table.Td>{r.customerName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={BATCH_STATUS_COLOR[r.status]}>
                    {BATCH_STATUS_LABEL[r.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatShortDateTimeInZone(r.date, data.range.timeZone)}</Table.Td>
                <Table.Td>{r.branchName}</Table.Td>
                <Table.Td>{r.contactId ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" role="status" data-testid="batch-contacts-count">
          {data.total} contact{data.total === 1 ? '' : 's'} · double-click a row to open the customer
        </Text>
        {pages > 1 && <Pagination size="sm" total={pages} value={data.page} onChange={onPage} />}
      </Group>
    </>
  );
}
