import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { InboxNavLink } from '../components/inbox/InboxNavLink.tsx';
import { StoreSwitcher } from '../components/StoreSwitcher.tsx';
import { canManageStore } from '../lib/roles.ts';
import { useLogoutMutation } from '../session/session.queries.ts';
import { useStores } from '../session/StoreContext.tsx';

/** Header (product, store, user), navbar and the page. */
export function AppLayout() {
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { user } = useStores();
  const logout = useLogoutMutation();
  const { pathname } = useLocation();

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 190, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4" c="indigo.8">
              Forecourt
            </Title>
            <StoreSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" fw={500} visibleFrom="xs" data-testid="current-user">
              {user.name}
            </Text>
            <Badge variant="light" color="gray" visibleFrom="xs">
              {user.role.charAt(0).toUpperCase() + user.role.slice(1)}
            </Badge>
            <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <NavLink
          component={Link}
          to="/customers"
          label="Customers"
          active={pathname === '/customers' || pathname.startsWith('/customers/')}
          onClick={close}
        />
        <NavLink component={Link} to="/calls" label="Call Select" active={pathname === '/calls'} onClick={close} />
        <InboxNavLink onClick={close} />
        <NavLink
          component={Link}
          to="/productivity"
          label="Productivity"
          active={pathname === '/productivity'}
          onClick={close}
        />
        <NavLink
          component={Link}
          to="/templates"
          label="Templates"
          active={pathname === '/templates' || pathname.startsWith('/templates/')}
          onClick={close}
        />
        {canManageStore(user.role) && (
          <NavLink
            component={Link}
            to="/queries"
            label="Queries"
            active={pathname === '/queries' || pathname.startsWith('/queries/')}
            onClick={close}
          />
        )}
        {canManageStore(user.role) && (
          <NavLink
            component={Link}
            to="/batches"
            label="Batch contacts"
            active={pathname === '/batches' || pathname.startsWith('/batches/')}
            onClick={close}
          />
        )}
        {canManageStore(user.role) && (
          <NavLink component={Link} to="/voice" label="Voice drops" active={pathname === '/voice'} onClick={close} />
        )}
        <NavLink
          component={Link}
          to="/lifecycle"
          label="360° Customer Contact"
          active={pathname === '/lifecycle'}
          onClick={close}
        />
        <NavLink component={Link} to="/outbox" label="Outbox" active={pathname === '/outbox'} onClick={close} />
        <NavLink
          component={Link}
          to="/print-files"
          label="Print files"
          active={pathname === '/print-files'}
          onClick={close}
        />
        {canManageStore(user.role) && (
          <NavLink
            component={Link}
            to="/exports"
            label="Partner exports"
            active={pathname === '/exports'}
            onClick={close}
          />
        )}
        {canManageStore(user.role) && (
          <NavLink
            component={Link}
            to="/settings/store"
            label="Store settings"
            active={pathname === '/settings/store'}
            onClick={close}
          />
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
