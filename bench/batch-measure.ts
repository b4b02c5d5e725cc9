import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Renderer } from '../src/templates/render.ts';

/** Samples RSS and heap every 100 ms until stopped (as the import bench does); returns the peaks. */
export function sampleMemory(): { stop(): { rss: number; heapUsed: number } } {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

interface Node {
  kind: string;
  [k: string]: unknown;
}

function tableOf(n: unknown): string {
  let x = n as Node | undefined;
  if (x?.kind === 'AliasNode') x = x.node as Node;
  if (x?.kind === 'TableNode') {
    const t = x.table as { identifier?: { name?: string } } | undefined;
    return t?.identifier?.name ?? '?';
  }
  return '?';
}

/** A short name for a statement: its kind and table, or the start of raw SQL. */
function labelOf(node: RootOperationNode): string {
  const n = node as unknown as Node;
  switch (n.kind) {
    case 'SelectQueryNode':
      return `select ${tableOf((n.from as { froms?: unknown[] } | undefined)?.froms?.[0])}`;
    case 'UpdateQueryNode':
      return n.with ? 'enqueueRunChunk (outbox + events + batch_contacts)' : `update ${tableOf(n.table)}`;
    case 'InsertQueryNode':
      return `insert ${tableOf(n.into)}`;
    case 'DeleteQueryNode':
      return 'delete';
    case 'RawNode': {
      const text = ((n.sqlFragments as string[] | undefined)?.[0] ?? '').replace(/\s+/g, ' ').trim();
      if (text === 'with' || text.startsWith('with f as materialized'))
        return 'takeSelection (select + insert batch_contacts)';
      return text.slice(0, 45);
    }
    default:
      return n.kind;
  }
}

/**
 * Times every statement a Kysely handle runs (from compile to result, so time queued for a pool
 * connection or PGlite's mutex counts), summed per statement kind and table.
 */
export function queryTimer(): {
  plugin: KyselyPlugin;
  totals: Map<string, { n: number; ms: number }>;
  reset(): void;
} {
  const started = new WeakMap<object, { t: number; label: string }>();
  const totals = new Map<string, { n: number; ms: number }>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      started.set(args.queryId, { t: performance.now(), label: labelOf(args.node) });
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const s = started.get(args.queryId);
      if (s) {
        const e = totals.get(s.label) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - s.t;
        totals.set(s.label, e);
      }
      return Promise.resolve(args.result);
    },
  };
  return { plugin, totals, reset: () => totals.clear() };
}

/** The renderer with its time in `render` summed (the Liquid work; compile is memoised). */
export function timedRenderer(r: Renderer): { renderer: Renderer; ms: () => number; reset(): void } {
  let ms = 0;
  return {
    renderer: {
      compile: (source, mode) => r.compile(source, mode),
      render: (t, c, l) => {
        const t0 = performance.now();
        try {
          return r.render(t, c, l);
        } finally {
          ms += performance.now() - t0;
        }
      },
      renderSource: (s, m, c, l) => r.renderSource(s, m, c, l),
      formatter: (l) => r.formatter(l),
    },
    ms: () => ms,
    reset: () => {
      ms = 0;
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Profiles the process's JavaScript while `f` runs; writes the .cpuprofile and returns the top self times. */
export async function cpuProfile<T>(
  file: string,
  f: () => Promise<T>,
): Promise<{ result: T; top: { what: string; ms: number; pct: number }[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let result: T;
  try {
    result = await f();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      total += dt;
      if (!n) return;
      const cf = n.callFrame;
      const where = cf.url ? cf.url.replace(/^.*\/(node_modules\/|src\/)/, '$1') : '';
      const key = `${cf.functionName || '(anonymous)'} ${where}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + dt);
    });
    profileTop = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([what, ms]) => ({ what, ms, pct: (ms / total) * 100 }));
  }
  return { result, top: profileTop };
}
let profileTop: { what: string; ms: number; pct: number }[] = [];
