import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { printFilePdf } from '../channels/print/print-file.closer.ts';
import { describeGroup } from '../channels/print/print-group.rules.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { DomainError } from '../shared/errors.ts';
import type { PrintFileRow, PrintFilesService } from './print-files.service.ts';

const printFile = z.object({
  id: z.number(),
  storeId: z.number(),
  channel: z.enum(['letter', 'postcard']),
  status: z.enum(['open', 'closing', 'ready', 'printed']),
  /** A batch run's file or a day's file, and which run or day. */
  group: z.object({ kind: z.enum(['run', 'day']), value: z.string() }),
  itemCount: z.number(),
  pages: z.number().nullable(),
  bytes: z.number().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** When the worker will close it if nobody does (a day's file); null for a run's file (once idle). */
  closesAt: z.string().nullable(),
  printedAt: z.string().nullable(),
  printedBy: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});

function present(f: PrintFileRow): z.infer<typeof printFile> {
  const hasPdf = f.file_path !== null && (f.status === 'ready' || f.status === 'printed');
  return {
    id: f.id,
    storeId: f.store_id,
    channel: f.channel,
    status: f.status,
    group: describeGroup(f.group_key),
    itemCount: f.item_count,
    pages: f.pages,
    bytes: f.bytes,
    createdAt: f.created_at.toISOString(),
    closedAt: f.closed_at?.toISOString() ?? null,
    closesAt: f.status === 'open' ? (f.close_after?.toISOString() ?? null) : null,
    printedAt: f.printed_at?.toISOString() ?? null,
    printedBy: f.printed_by_name,
    downloadUrl: hasPdf ? `/api/print-files/${f.id}/pdf` : null,
  };
}

/**
 * Print files (letters and postcards printed locally): the list, closing one now, the merged PDF,
 * and the "printed and mailed" mark that delivers its messages.
 */
export function printFilesRoutes(app: FastifyInstance, deps: { printFiles: PrintFilesService; dataDir: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const fileParams = z.object({ printFileId: z.coerce.number().int().positive() });
  const errors = errorResponses;

  r.get(
    '/api/stores/:storeId/print-files',
    {
      schema: {
        tags: ['delivery'],
        summary: 'The store’s print files (merged PDFs of letters and postcards), newest first',
        params: z.object({ storeId: z.coerce.number().int().positive() }),
        querystring: z.object({
          status: z.enum(['open', 'closing', 'ready', 'printed']).optional(),
          channel: z.enum(['letter', 'postcard']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: { 200: z.object({ files: z.array(printFile) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return { files: (await deps.printFiles.list(req.params.storeId, req.query)).map(present) };
    },
  );

  r.post(
    '/api/print-files/:printFileId/close',
    {
      schema: {
        tags: ['delivery'],
        summary:
          'Close an open print file now and render its merged PDF (managers and administrators); later letters of its run or day go to a new file',
        params: fileParams,
        body: z.object({}).optional(),
        response: { 200: printFile, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      await deps.printFiles.find(principal.storeIds, req.params.printFileId);
      requireRole(principal, 'admin', 'manager');
      return present(await deps.printFiles.close(principal.storeIds, req.params.printFileId));
    },
  );

  r.get(
    '/api/print-files/:printFileId/pdf',
    {
      schema: {
        tags: ['delivery'],
        summary: 'Download a closed print file’s merged PDF',
        params: fileParams,
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (req, reply) => {
      const file = await deps.printFiles.find(principalOf(req).storeIds, req.params.printFileId);
      const abs = printFilePdf(deps.dataDir, file);
      await access(abs).catch(() => {
        throw new DomainError('not_found', 'The print file’s PDF is missing from the data folder.');
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="print-file-${file.id}-${file.channel}s.pdf"`)
        .send(createReadStream(abs));
    },
  );

  r.post(
    '/api/print-files/:printFileId/printed',
    {
      schema: {
        tags: ['delivery'],
        summary:
          'Mark a closed print file printed and mailed (managers and administrators; audited): its messages become delivered',
        params: fileParams,
        body: z.object({}).optional(),
        response: { 200: printFile.extend({ delivered: z.number() }), ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      await deps.printFiles.find(principal.storeIds, req.params.printFileId);
      requireRole(principal, 'admin', 'manager');
      const { file, delivered } = await deps.printFiles.markPrinted(principal.storeIds, req.params.printFileId, {
        id: principal.user.id,
        name: principal.user.name,
      });
      return { ...present(file), delivered };
    },
  );
}
