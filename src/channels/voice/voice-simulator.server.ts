import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { hmacSignature } from '../../delivery/webhooks/signatures.ts';
import { DROP_RESULTS, type DropResult } from './voice-drop.provider.ts';

export type ResultMix = Record<DropResult, number>;

export interface SimulatorBehaviour {
  msPerDrop: number;
  /** Percentages (any scale; they are weights). */
  mix: ResultMix;
}

export interface SimulatorStats {
  drops: number;
  inFlight: number;
  maxInFlight: number;
  /** Per job (a delivery key's source, e.g. 'batch:run%3A12'): the most drops it had in flight at once. */
  maxInFlightByJob: Map<string, number>;
  results: Record<DropResult, number>;
}

export interface VoiceSimulator {
  /** Base URL for the HTTP adapter, on 127.0.0.1. */
  url: string;
  stats(): SimulatorStats;
  close(): Promise<void>;
}

/** The job a drop belongs to: the source kind and ref of its delivery key. */
export const jobOfForeignId = (foreignId: string) => foreignId.split(':').slice(0, 2).join(':');

/**
 * The result for a drop, drawn from the mix by a hash of its delivery key: the same drop always
 * gets the same result, so a retried request and a test see the same thing.
 */
export function simulatedResult(foreignId: string, mix: ResultMix): DropResult {
  const total = DROP_RESULTS.reduce((s, r) => s + Math.max(0, mix[r]), 0);
  if (total <= 0) return 'delivered';
  const h = createHash('sha256').update(foreignId).digest().readUInt32BE(0) / 0x1_0000_0000;
  let acc = 0;
  for (const r of DROP_RESULTS) {
    acc += Math.max(0, mix[r]) / total;
    if (h < acc) return r;
  }
  return 'delivered';
}

/**
 * A local ringless-voicemail provider for `npm start` and the tests, speaking the same documented
 * HTTP shape as a real one (docs/VOICE.md): it accepts a drop, takes `msPerDrop`, then posts the
 * result to the drop's callback URL, signed like every provider webhook. A request may carry a
 * `simulate` field ({ msPerDrop, mix }) that overrides the defaults for that drop.
 */
export async function startVoiceSimulator(o: {
  apiKey: string;
  webhookSecret: string;
  defaults: SimulatorBehaviour;
  logger?: Pick<Logger, 'warn'>;
  port?: number;
  /** The clock its signatures' timestamps come from (the API checks them against its own). */
  now?: () => Date;
}): Promise<VoiceSimulator> {
  const now = o.now ?? (() => new Date());
  const accepted = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  const inFlightByJob = new Map<string, number>();
  const stats: SimulatorStats = {
    drops: 0,
    inFlight: 0,
    maxInFlight: 0,
    maxInFlightByJob: new Map(),
    results: { delivered: 0, busy: 0, unavailable: 0, impossible: 0, failed: 0 },
  };
  let seq = 0;
  let closing = false;

  const expected = Buffer.from(`Bearer ${o.apiKey}`);
  const authorised = (header: string | undefined) => {
    const got = Buffer.from(header ?? '');
    return got.length === expected.length && timingSafeEqual(got, expected);
  };

  async function callback(url: string, payload: object): Promise<void> {
    const body = JSON.stringify(payload);
    for (let attempt = 0; attempt < 3 && !closing; attempt++) {
      const ts = String(Math.floor(now().getTime() / 1000));
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forecourt-timestamp': ts,
            'x-forecourt-signature': hmacSignature(o.webhookSecret, ts, body),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        if (res.status < 500) return;
      } catch {
        // The API may be restarting: try again shortly.
      }
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
    o.logger?.warn({ url }, 'voice simulator could not deliver a result');
  }

  const server = http.createServer((req, res) => {
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/drops') return send(404, { message: 'not found' });
    if (!authorised(req.headers.authorization)) return send(401, { message: 'bad API key' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let r: {
        phone?: unknown;
        foreignId?: unknown;
        callbackUrl?: unknown;
        recordingId?: unknown;
        callerId?: unknown;
        simulate?: Partial<SimulatorBehaviour>;
      };
      try {
        r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof r;
      } catch {
        return send(400, { message: 'the body is not JSON' });
      }
      if (typeof r.foreignId !== 'string' || typeof r.callbackUrl !== 'string' || typeof r.recordingId !== 'string')
        return send(400, { message: 'foreignId, recordingId and callbackUrl are required' });
      if (typeof r.phone !== 'string' || !/^\+[1-9]\d{7,14}$/.test(r.phone))
        return send(400, { message: 'phone must be an E.164 number' });
      if (typeof r.callerId !== 'string' || !/^\+[1-9]\d{7,14}$/.test(r.callerId))
        return send(422, { message: 'callerId must be an E.164 number' });
      const known = accepted.get(r.foreignId);
      if (known) return send(200, { id: known, status: 'queued' });
      const id = `drop_${++seq}`;
      accepted.set(r.foreignId, id);
      const job = jobOfForeignId(r.foreignId);
      const n = (inFlightByJob.get(job) ?? 0) + 1;
      inFlightByJob.set(job, n);
      stats.maxInFlightByJob.set(job, Math.max(stats.maxInFlightByJob.get(job) ?? 0, n));
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      stats.drops++;
      const ms = r.simulate?.msPerDrop ?? o.defaults.msPerDrop;
      const result = simulatedResult(r.foreignId, { ...o.defaults.mix, ...r.simulate?.mix });
      const foreignId = r.foreignId;
      const callbackUrl = r.callbackUrl;
      const timer = setTimeout(() => {
        timers.delete(timer);
        // The drop is over when its result is known; the callback only reports it.
        stats.results[result]++;
        stats.inFlight--;
        inFlightByJob.set(job, (inFlightByJob.get(job) ?? 1) - 1);
        void callback(callbackUrl, { id, foreignId, result, completedAt: now().toISOString() });
      }, ms);
      timers.add(timer);
      send(202, { id, status: 'queued' });
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ ...stats, maxInFlightByJob: new Map(stats.maxInFlightByJob), results: { ...stats.results } }),
    async close() {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
