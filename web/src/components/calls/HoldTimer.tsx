import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { holdLeft } from '../../lib/calls.ts';

/** The time left on the agent's hold of a customer, counting down every second. */
export function HoldTimer({ lockUntil }: { lockUntil: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const left = holdLeft(lockUntil, now);
  if (left.expired)
    return (
      <Badge color="red" variant="light" size="lg" data-testid="hold-left" style={{ textTransform: 'none' }}>
        Hold lapsed: the customer is back on the list
      </Badge>
    );
  return (
    <Badge
      color={left.seconds < 120 ? 'orange' : 'gray'}
      variant="light"
      size="lg"
      data-testid="hold-left"
      style={{ textTransform: 'none' }}
      title="Nobody else gets this customer until the hold ends; log a result or give them back before then."
    >
      Held for you: {left.text}
    </Badge>
  );
}
