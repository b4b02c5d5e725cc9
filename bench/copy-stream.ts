import fs from 'node:fs';
import { once } from 'node:events';
import type pg from 'pg';

/**
 * `COPY ... FROM STDIN` over node-postgres without pg-copy-streams: a Submittable that sends the
 * query, then the file as CopyData messages once the server answers CopyInResponse. It relies on
 * the Connection methods node-postgres uses itself (sendCopyFromChunk, endCopyFrom, sendCopyFail).
 */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

function isCopyConnection(c: unknown): c is CopyConnection {
  return (
    typeof c === 'object' &&
    c !== null &&
    'sendCopyFromChunk' in c &&
    'endCopyFrom' in c &&
    'stream' in c &&
    'query' in c
  );
}

export function copyFromFile(client: pg.Client, text: string, file: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let rows = 0;
    let error: Error | undefined;
    const submittable = {
      submit(connection: unknown) {
        if (!isCopyConnection(connection)) throw new Error('this pg version has no copy primitives');
        connection.query(text);
      },
      handleCopyInResponse(connection: unknown) {
        if (!isCopyConnection(connection)) return;
        void (async () => {
          try {
            for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 16 })) {
              connection.sendCopyFromChunk(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
              if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
            }
            connection.endCopyFrom();
          } catch (err) {
            connection.sendCopyFail(err instanceof Error ? err.message : String(err));
          }
        })();
      },
      handleCommandComplete(msg: { text?: string }) {
        rows = Number(/(\d+)$/.exec(msg.text ?? '')?.[1] ?? 0);
      },
      handleError(err: Error) {
        error = err;
      },
      handleReadyForQuery() {
        if (error) reject(error);
        else resolve(rows);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(submittable);
  });
}
