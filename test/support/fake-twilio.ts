import { createServer, type Server } from 'node:http';

export interface FakeTwilio {
  baseUrl: string;
  requests: { path: string; auth: string | undefined; idempotency: string | undefined; form: Record<string, string> }[];
  /** What the next requests answer (default 201 with a fresh sid). */
  respond: (form: Record<string, string>) => { status: number; body: object; headers?: Record<string, string> };
  close(): Promise<void>;
}

/** A Twilio-compatible Messages API on 127.0.0.1 that records each request. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  let n = 0;
  const fake: FakeTwilio = {
    baseUrl: '',
    requests: [],
    respond: () => ({ status: 201, body: { sid: `SM${String(++n).padStart(32, '0')}`, status: 'queued' } }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const idem = req.headers['i-twilio-idempotency-token'];
      fake.requests.push({
        path: req.url ?? '',
        auth: req.headers.authorization,
        idempotency: typeof idem === 'string' ? idem : undefined,
        form,
      });
      const answer = fake.respond(form);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  fake.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return fake;
}
