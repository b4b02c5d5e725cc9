import { Select } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';

/** Every IANA zone the browser knows, plus the current one should the browser not list it. */
function zones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return current === '' || known.includes(current) ? known : [current, ...known].sort();
}

/** A searchable list of IANA time zones ("toronto" finds America/Toronto). */
export function TimeZoneSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  error: ReactNode;
}) {
  const data = useMemo(() => zones(value), [value]);
  return (
    <Select
      label="Time zone"
      description="The store’s local time, used for its send window, appointments and reports."
      required
      searchable
      allowDeselect={false}
      nothingFoundMessage="No such time zone"
      limit={50}
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      error={error}
    />
  );
}
