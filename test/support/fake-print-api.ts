import { createServer, type Server } from 'node:http';

export interface PrintApiRequest {
  path: string;
  auth: string | undefined;
  idempotencyKey: string | undefined;
  body: {
    to?: { name?: string; address_lines?: string[] };
    from?: { name?: string; address_lines?: string[] };
    file?: string;
    metadata?: { delivery_key?: string };
  };
}

export interface FakePrintApi {
  baseUrl: string;
  requests: PrintApiRequest[];
  /** What the next requests answer (default 200 with a fresh Lob-style id). */
  respond: (req: PrintApiRequest) => { status: number; body: object; headers?: Record<string, string> };
  close(): Promise<void>;
}

/** A Lob-style print-and-mail API (POST /v1/letters, /v1/postcards) on 127.0.0.1 that records each request. */
export async function startFakePrintApi(): Promise<FakePrintApi> {
  let n = 0;
  const fake: FakePrintApi = {
    baseUrl: '',
    requests: [],
    respond: (req) => ({
      status: 200,
      body: { id: `${req.path.includes('postcards') ? 'psc' : 'ltr'}_${String(++n).padStart(16, '0')}` },
    }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const idem = req.headers['idempotency-key'];
      const request: PrintApiRequest = {
        path: req.url ?? '',
        auth: req.headers.authorization,
        idempotencyKey: typeof idem === 'string' ? idem : undefined,
        body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as PrintApiRequest['body'],
      };
      fake.requests.push(request);
      const answer = fake.respond(request);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  fake.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return fake;
}
