import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../lib/errors.ts';
import { fromStateOf } from '../lib/redirect.ts';
import { useSessionExpiryHandler, useSessionQuery } from '../session/session.queries.ts';
import { StoreProvider } from '../session/StoreContext.tsx';

/** The logged-in area: waits for the session, sends anonymous visitors to /login and back. */
export function RequireAuth() {
  useSessionExpiryHandler();
  const location = useLocation();
  const session = useSessionQuery();

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Alert color="red" title="Cannot reach Forecourt">
            {errorMessage(session.error)}
          </Alert>
          <Button onClick={() => void session.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (!session.data) return <Navigate to="/login" replace state={fromStateOf(location)} />;
  return (
    <StoreProvider session={session.data}>
      <Outlet />
    </StoreProvider>
  );
}
