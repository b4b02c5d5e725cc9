import { Badge, NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useInbox } from '../../api/inbox.queries.ts';
import { useStores } from '../../session/StoreContext.tsx';

/** "Texts" in the navbar, with the store's unread texts as a badge. */
export function InboxNavLink({ onClick }: { onClick: () => void }) {
  const { store } = useStores();
  const { pathname } = useLocation();
  const inbox = useInbox(store?.id, false);
  const unread = (inbox.data ?? []).reduce((n, t) => n + t.unread, 0);
  return (
    <NavLink
      component={Link}
      to="/inbox"
      label="Texts"
      active={pathname === '/inbox'}
      onClick={onClick}
      rightSection={
        unread > 0 ? (
          <Badge size="sm" color="red" aria-label={`${unread} unread`} data-testid="inbox-unread">
            {unread}
          </Badge>
        ) : undefined
      }
    />
  );
}
