import { Notification, Portal, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface NoticeInput {
  title?: string;
  message: ReactNode;
  color?: 'green' | 'red' | 'blue' | 'yellow';
}

interface Notice extends NoticeInput {
  id: number;
}

type Notify = (notice: NoticeInput) => void;

const NotifyContext = createContext<Notify | null>(null);
const AUTO_CLOSE_MS = 5000;

/** Small toasts in the top-right corner (a stand-in for @mantine/notifications, not installed). */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback<Notify>(
    (notice) => {
      const id = nextId.current++;
      setNotices((list) => [...list.slice(-3), { ...notice, id }]);
      window.setTimeout(() => dismiss(id), AUTO_CLOSE_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          gap="xs"
          pos="fixed"
          top={64}
          right={16}
          w={340}
          style={{ zIndex: 1000 }}
          aria-live="polite"
          data-testid="notifications"
        >
          {notices.map((n) => (
            <Notification
              key={n.id}
              color={n.color ?? 'blue'}
              title={n.title}
              onClose={() => dismiss(n.id)}
              closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
              withBorder
            >
              {n.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error('useNotify() needs a <NotificationsProvider>');
  return notify;
}
