import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { searchCustomers } from '../../api/customers.ts';

const SAMPLE = 'sample';
const DEBOUNCE_MS = 250;

export interface PreviewCustomer {
  id: number;
  label: string;
}

/**
 * "Preview as": the sample customer, or a customer of the store found by name, phone, e-mail,
 * DMS #, VIN or plate (the same search as the Customers screen).
 */
export function PreviewCustomerPicker({
  storeId,
  value,
  onChange,
}: {
  storeId: number;
  value: PreviewCustomer | null;
  onChange: (customer: PreviewCustomer | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  // Typing that only repeats the chosen label is not a search.
  const query = debounced === (value?.label ?? 'Sample customer') ? '' : debounced;
  const results = useQuery({
    queryKey: ['customers', 'search', storeId, query],
    queryFn: ({ signal }) => searchCustomers(storeId, query, signal),
    enabled: query.length >= 2,
  });

  // Labels are the names alone (what the box shows once chosen); details show in the list only.
  const { data, names, details } = useMemo(() => {
    const options = [{ value: SAMPLE, label: 'Sample customer' }];
    const names = new Map<string, string>();
    const details = new Map<string, string>([[SAMPLE, 'Made-up details in the template’s language']]);
    if (value) {
      options.push({ value: String(value.id), label: value.label });
      names.set(String(value.id), value.label);
    }
    for (const c of results.data ?? []) {
      if (c.id === value?.id) continue;
      const vehicle = c.vehicles[0];
      const car = vehicle ? [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ') : '';
      const detail = [c.dmsCustomerNumber, car].filter(Boolean).join(' · ');
      options.push({ value: String(c.id), label: c.displayName });
      names.set(String(c.id), c.displayName);
      details.set(String(c.id), detail);
    }
    return { data: options, names, details };
  }, [results.data, value]);

  return (
    <Select
      label="Preview as"
      aria-label="Preview as"
      size="xs"
      w={280}
      searchable
      data={data}
      value={value ? String(value.id) : SAMPLE}
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already: show what it found, whatever was typed.
      filter={({ options }) => options}
      nothingFoundMessage={
        query.length >= 2 && !results.isFetching ? 'No customer matches' : 'Type a name, phone or plate'
      }
      rightSection={results.isFetching ? <Loader size={12} aria-label="Searching customers" /> : undefined}
      allowDeselect={false}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {details.get(option.value) && (
            <Text size="xs" c="dimmed">
              {details.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      onChange={(v) => {
        if (v === null || v === SAMPLE) onChange(null);
        else onChange({ id: Number(v), label: names.get(v) ?? `Customer #${v}` });
      }}
    />
  );
}
