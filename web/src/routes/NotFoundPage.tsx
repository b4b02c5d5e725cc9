import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Stack align="flex-start" gap="sm" p="md">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text c="dimmed">There is no page at {pathname}.</Text>
      <Button component={Link} to="/customers" variant="light">
        Go to customers
      </Button>
    </Stack>
  );
}
