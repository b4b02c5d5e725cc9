import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../lib/errors.ts';
import { redirectTarget } from '../lib/redirect.ts';
import { useLoginMutation, useSessionQuery } from '../session/session.queries.ts';

export function LoginPage() {
  const location = useLocation();
  const session = useSessionQuery();
  const login = useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const target = redirectTarget(location.state);

  if (session.data) return <Navigate to={target} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // On success the session query fills in and the <Navigate> above takes the user on.
    login.mutate({ email, password });
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit} noValidate aria-label="Log in">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                Forecourt
              </Title>
              <Text size="sm" c="dimmed">
                Log in to your dealership
              </Text>
            </div>
            {login.isError && (
              <Alert color="red" role="alert" title="Cannot log in">
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              Log in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
