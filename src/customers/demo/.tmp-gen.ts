import { Faker, base, en, en_CA } from '@faker-js/faker';
import { csvLines } from './demo.csv.ts';
import { epochDayIn, generateChunk, generateSalespeople, newCounters } from './demo.generate.ts';
import { DEMO_STORES } from './demo.stores.ts';
import { IMPORT_KINDS } from '../import/import.types.ts';
const profile = DEMO_STORES[1]!;
const now = new Date();
const today = epochDayIn(now, profile.timeZone);
const f = new Faker({ locale: [en_CA, en, base] });
const ctx = { profile, today, now, salespeople: generateSalespeople(f, profile, today) };
const counters = newCounters();
let t = performance.now(); let gen = 0, csv = 0, bytes = 0;
for (let c = 0; c < 20; c++) {
  f.seed([1, 1, c]);
  const t0 = performance.now();
  const chunk = generateChunk(f, ctx, c * 2500, 2500, counters);
  const t1 = performance.now();
  for (const k of IMPORT_KINDS) for await (const s of csvLines(k, chunk)) bytes += s.length;
  csv += performance.now() - t1; gen += t1 - t0;
}
console.log({ gen: Math.round(gen), csv: Math.round(csv), bytes, total: Math.round(performance.now() - t) });
