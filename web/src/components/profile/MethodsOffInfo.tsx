import { Text, Tooltip } from '@mantine/core';
import type { ContactMethods } from '../../api/types.ts';
import { METHOD_LABEL, methodsOff } from '../../lib/contact-labels.ts';

/** The information icon by the e-mail, shown only when at least one contact method is turned off. */
export function MethodsOffInfo({ methods }: { methods: ContactMethods }) {
  const off = methodsOff(methods);
  if (off.length === 0) return null;
  const label = `Turned off for contact: ${off.map((m) => METHOD_LABEL[m]).join(', ')}`;
  return (
    <Tooltip label={label} withArrow multiline maw={260}>
      <Text
        span
        c="blue.7"
        fz="sm"
        lh={1}
        role="img"
        aria-label={label}
        tabIndex={0}
        style={{ cursor: 'help' }}
        data-testid="methods-off-info"
      >
        ⓘ
      </Text>
    </Tooltip>
  );
}
