/**
 * Benchmarks: `node --import tsx bench/run.ts <name> [options]` (npm run bench -- <name>).
 * Each benchmark lives in bench/<name>.bench.ts and exports `run(args)`.
 */
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  import: () => import('./import.bench.ts'),
  eligibility: () => import('./eligibility.bench.ts'),
  render: () => import('./render.bench.ts'),
  send: () => import('./send.bench.ts'),
  batch: () => import('./batch.bench.ts'),
  voice: () => import('./voice.bench.ts'),
  lifecycle: () => import('./lifecycle.bench.ts'),
  'call-list': () => import('./call-list.bench.ts'),
  'mail-merge': () => import('./mail-merge.bench.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  process.stderr.write(`usage: node --import tsx bench/run.ts <${Object.keys(BENCHES).join('|')}> [options]\n`);
  process.exitCode = 2;
} else {
  const bench = await load();
  await bench.run(args);
}
