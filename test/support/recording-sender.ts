import type { ChannelSender, OutgoingMessage, SendResult } from '../../src/channels/channel.ts';
import type { SenderResolver } from '../../src/channels/sender-resolver.ts';

/**
 * A provider that records what it was asked to send and answers from a script: the default is
 * "sent"; `answer` can make chosen messages fail transiently or permanently, or throw.
 */
export function recordingSender(
  answer: (m: OutgoingMessage, attempt: number) => SendResult | Promise<SendResult> = () => ({
    kind: 'sent',
    providerMessageId: null,
  }),
): ChannelSender & SenderResolver & { sent: OutgoingMessage[]; attempts: Map<string, number> } {
  const sent: OutgoingMessage[] = [];
  const attempts = new Map<string, number>();
  let n = 0;
  const sender: ChannelSender & SenderResolver & { sent: OutgoingMessage[]; attempts: Map<string, number> } = {
    provider: 'recording',
    idempotent: false,
    sent,
    attempts,
    async send(m) {
      const attempt = (attempts.get(m.deliveryKey) ?? 0) + 1;
      attempts.set(m.deliveryKey, attempt);
      const result = await answer(m, attempt);
      if (result.kind === 'sent') {
        sent.push(m);
        return { kind: 'sent', providerMessageId: result.providerMessageId ?? `rec-${++n}` };
      }
      return result;
    },
    senderFor: () => Promise.resolve(sender),
    close: () => Promise.resolve(),
  };
  return sender;
}
