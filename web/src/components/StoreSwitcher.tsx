import { Select } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useStores } from '../session/StoreContext.tsx';

/** The store the agent works in; switching leaves a profile from the other store for the search. */
export function StoreSwitcher() {
  const { stores, store, setStoreId } = useStores();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (stores.length === 0) return null;

  const onChange = (value: string | null) => {
    const id = Number(value);
    if (!value || !Number.isInteger(id) || id === store?.id) return;
    setStoreId(id);
    if (pathname !== '/customers') void navigate('/customers');
  };

  return (
    <Select
      aria-label="Store"
      size="xs"
      w={240}
      data={stores.map((s) => ({ value: String(s.id), label: `${s.name} (${s.code})` }))}
      value={store ? String(store.id) : null}
      onChange={onChange}
      allowDeselect={false}
      searchable={stores.length > 8}
      readOnly={stores.length === 1}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
