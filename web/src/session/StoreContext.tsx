import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Session, Store } from '../api/types.ts';

const STORAGE_KEY = 'forecourt.storeId';

interface StoreContextValue {
  user: Session['user'];
  stores: Store[];
  /** The store the user is working in; undefined only when they have no store at all. */
  store: Store | undefined;
  setStoreId: (id: number) => void;
  storeById: (id: number) => Store | undefined;
}

const StoreContext = createContext<StoreContextValue | null>(null);

function readSavedStoreId(): number | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const id = raw === null ? NaN : Number(raw);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/** The logged-in user's stores and the chosen one, remembered in localStorage across visits. */
export function StoreProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [chosenId, setChosenId] = useState<number | null>(readSavedStoreId);
  const { stores, user } = session;
  const store = stores.find((s) => s.id === chosenId) ?? stores[0];

  const setStoreId = useCallback((id: number) => {
    setChosenId(id);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // Private mode or storage full: the choice still holds for this page.
    }
  }, []);

  const value = useMemo<StoreContextValue>(
    () => ({ user, stores, store, setStoreId, storeById: (id) => stores.find((s) => s.id === id) }),
    [user, stores, store, setStoreId],
  );
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

export function useStores(): StoreContextValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStores() needs a <StoreProvider> (inside the logged-in area)');
  return value;
}
