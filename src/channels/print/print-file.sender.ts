import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { ChannelSender, OutgoingMessage, SendResult } from '../channel.ts';
import { printGroup } from './print-group.rules.ts';
import { addToOpenFile, findPrintable } from './print-files.store.ts';

/** The provider message id of a message filed for printing. */
export const printFileRef = (fileId: number) => `print-file:${fileId}`;

/**
 * Local printing (the print channel's default): "sending" a letter or postcard files it in the
 * store's open print file for its batch run or day (print-group.rules.ts); the file becomes one
 * merged PDF when it closes (print-file.closer.ts) and its messages are delivered when someone marks
 * it printed and mailed. Filing the same message again leaves it where it is.
 */
export function createPrintFileSender(deps: { db: Kysely<Database>; clock: Clock }): ChannelSender {
  return {
    provider: 'print_file',
    idempotent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      if (m.channel !== 'letter' && m.channel !== 'postcard')
        return { kind: 'permanent', error: `a ${m.channel} message cannot be printed` };
      const row = await findPrintable(deps.db, m.storeId, m.id);
      if (!row) return { kind: 'permanent', error: 'the message is not in the outbox' };
      if (row.print_file_id !== null) return { kind: 'sent', providerMessageId: printFileRef(row.print_file_id) };
      // A few tries: each can find its file closed between opening it and adding to it.
      for (let attempt = 0; attempt < 3; attempt++) {
        const now = deps.clock.now();
        const group = printGroup({ sourceKind: row.source_kind, sourceRef: row.source_ref }, now, row.time_zone);
        const fileId = await addToOpenFile(
          deps.db,
          { storeId: m.storeId, channel: m.channel, messageId: m.id, group },
          now,
        );
        if (fileId !== null) return { kind: 'sent', providerMessageId: printFileRef(fileId) };
      }
      return { kind: 'transient', error: 'the print file kept closing while the message was added; will retry' };
    },
  };
}
