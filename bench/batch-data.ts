import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { COPY_COLUMNS, writeCustomersCsv } from './customers-csv.ts';

/**
 * The batch bench's data: customers from the import bench's generator (customers-csv.ts), then
 * vehicles (1 or 2 per customer, 1.5 on average) and visits (3 to 7 per customer, 5 on average,
 * mostly service, some with deferred items), all loaded with COPY from CSV files written here.
 *
 * Exactly `matchPercent`% of the customers own a Honda (their first vehicle), and only customers
 * with an e-mail address do, so a Honda e-mail schedule's audience is wholly eligible. Nobody
 * else's vehicles are Hondas. 2% of the other customers' vehicles are off for contact.
 */
export interface LoadTarget {
  /** `COPY <table> (<columns>) FROM <file>` as CSV with a header line; returns rows copied. */
  copy(table: string, columns: string, file: string): Promise<number>;
  /** Runs SQL and returns the rows. */
  query<T>(text: string): Promise<T[]>;
}

export interface LoadStats {
  customers: number;
  vehicles: number;
  visits: number;
  hondaOwners: number;
  seconds: { generate: number; copy: number; analyze: number };
}

const MAKES: [string, string[]][] = [
  ['Toyota', ['Corolla', 'Camry', 'RAV4', 'Highlander', 'Tacoma']],
  ['Ford', ['F-150', 'Escape', 'Explorer', 'Focus', 'Mustang']],
  ['Chevrolet', ['Silverado', 'Equinox', 'Malibu', 'Cruze']],
  ['Hyundai', ['Elantra', 'Tucson', 'Santa Fe', 'Kona']],
  ['Nissan', ['Rogue', 'Altima', 'Sentra', 'Frontier']],
  ['Kia', ['Soul', 'Sportage', 'Forte', 'Sorento']],
  ['Mazda', ['Mazda3', 'CX-5', 'CX-30']],
  ['Subaru', ['Outback', 'Forester', 'Crosstrek']],
  ['Volkswagen', ['Jetta', 'Golf', 'Tiguan']],
  ['Dodge', ['Grand Caravan', 'Charger', 'Durango']],
];
const HONDA_MODELS = ['Civic', 'Accord', 'CR-V', 'HR-V', 'Pilot', 'Odyssey'];
const DESCRIPTIONS = [
  'Oil change and multi-point inspection',
  '"Tire rotation, brake inspection"',
  '"Replace front brake pads, resurface rotors"',
  'Seasonal tire change',
  'Scheduled maintenance 80000 km',
  'Check engine light diagnosis',
  'Battery test and replacement',
];
const DEFERRED = ['"{Brake pads,Wiper blades}"', '"{Cabin air filter}"', '"{Rear tires,Alignment}"'];
const CHUNK_ROWS = 1_000_000;

/** Writes lines to a file, a chunk at a time, respecting backpressure. */
class CsvWriter {
  private out: fs.WriteStream;
  private buf: string[] = [];
  rows = 0;
  constructor(
    readonly file: string,
    header: string,
  ) {
    this.out = fs.createWriteStream(file);
    this.out.write(`${header}\n`);
  }
  async line(s: string): Promise<void> {
    this.buf.push(s);
    this.rows++;
    if (this.buf.length === 10_000) await this.flush();
  }
  private async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const ok = this.out.write(`${this.buf.join('\n')}\n`);
    this.buf = [];
    if (!ok) await once(this.out, 'drain');
  }
  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** How many vehicles and visits customer number i (0-based) has. */
const vehicleCount = (i: number) => 1 + (i % 2);
const visitCount = (i: number) => 3 + ((i * 7) % 5);

/**
 * Generates and COPYs customers, vehicles and visits for `storeId` (an empty store in a fresh
 * database), then VACUUM ANALYZE. Files go to `dir` and are removed once copied.
 */
export async function loadBatchData(
  t: LoadTarget,
  opts: { storeId: number; customers: number; matchPercent: number; dir: string; log: (s: string) => void },
): Promise<LoadStats> {
  const { storeId, customers: n, matchPercent, dir, log } = opts;
  const seconds = { generate: 0, copy: 0, analyze: 0 };
  const timed = async <T>(what: keyof typeof seconds, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      seconds[what] += (performance.now() - t0) / 1000;
    }
  };
  fs.mkdirSync(dir, { recursive: true });

  // Customers: the import bench's file, copied with the store id as the column default.
  const customersCsv = path.join(dir, 'customers.csv');
  await timed('generate', () => writeCustomersCsv(customersCsv, n));
  await timed('copy', async () => {
    await t.query(`alter table customers alter column store_id set default ${Number(storeId)}`);
    try {
      await t.copy('customers', COPY_COLUMNS, customersCsv);
    } finally {
      await t.query('alter table customers alter column store_id drop default');
    }
  });
  const [c] = await t.query<{ lo: number; hi: number; n: number }>(
    `select min(id)::int as lo, max(id)::int as hi, count(*)::int as n from customers where store_id = ${Number(storeId)}`,
  );
  if (!c || c.n !== n || c.hi - c.lo + 1 !== n)
    throw new Error(`customers not loaded as 1 run of ids: ${JSON.stringify(c)}`);
  log(`  customers: ${n.toLocaleString('en')} copied (${(seconds.generate + seconds.copy).toFixed(1)} s so far)`);

  // Vehicles: one pass over the customers file, to know who has an e-mail address.
  const hasEmail: boolean[] = [];
  {
    const lines = readline.createInterface({ input: fs.createReadStream(customersCsv), crlfDelay: Infinity });
    let header = true;
    for await (const line of lines) {
      if (header) {
        header = false;
        continue;
      }
      // E-mail, language and birth date are the last three fields; none is quoted or holds a comma.
      const parts = line.split(',');
      hasEmail.push((parts[parts.length - 3] ?? '') !== '');
    }
  }
  fs.rmSync(customersCsv);
  const vehiclesCsv = path.join(dir, 'vehicles.csv');
  let hondaOwners = 0;
  let vehicles = 0;
  await timed('generate', async () => {
    const w = new CsvWriter(
      vehiclesCsv,
      'store_id,customer_id,vin,year,make,model,plate,odometer,contact_off,contact_off_reason',
    );
    for (let i = 0; i < n; i++) {
      const honda = hasEmail[i] === true && hondaOwners < Math.floor(((i + 1) * matchPercent) / 100);
      if (honda) hondaOwners++;
      for (let k = 0; k < vehicleCount(i); k++) {
        vehicles++;
        const seed = i * 31 + k * 7;
        let make: string;
        let model: string;
        if (honda && k === 0) {
          make = 'Honda';
          model = HONDA_MODELS[seed % HONDA_MODELS.length] ?? 'Civic';
        } else {
          const m = MAKES[(seed >>> 1) % MAKES.length] ?? MAKES[0];
          make = m?.[0] ?? 'Toyota';
          model = m?.[1][seed % m[1].length] ?? 'Corolla';
        }
        const off = !honda && seed % 50 === 3;
        await w.line(
          `${storeId},${c.lo + i},BV${String(vehicles).padStart(15, '0')},${2008 + (seed % 18)},${make},${model},` +
            `${String.fromCharCode(65 + (seed % 26))}${String.fromCharCode(65 + ((seed >>> 3) % 26))}K ${String(seed % 1000).padStart(3, '0')},` +
            `${(seed * 13) % 250_000},${off ? 't,user' : 'f,'}`,
        );
      }
    }
    await w.end();
  });
  await timed('copy', () =>
    t.copy(
      'vehicles',
      'store_id,customer_id,vin,year,make,model,plate,odometer,contact_off,contact_off_reason',
      vehiclesCsv,
    ),
  );
  fs.rmSync(vehiclesCsv);
  const [v] = await t.query<{ lo: number; hi: number; n: number }>(
    `select min(id)::int as lo, max(id)::int as hi, count(*)::int as n from vehicles where store_id = ${Number(storeId)}`,
  );
  if (!v || v.n !== vehicles || v.hi - v.lo + 1 !== vehicles)
    throw new Error(`vehicles not loaded as 1 run of ids: ${JSON.stringify(v)}`);
  log(`  vehicles: ${vehicles.toLocaleString('en')} copied (${(seconds.generate + seconds.copy).toFixed(1)} s so far)`);

  // Visits, in files of a million rows (so PGlite's blob and the disk stay small).
  const day0 = Date.UTC(2026, 10, 1);
  const dates = Array.from({ length: 2190 }, (_, d) => new Date(day0 - d * 86_400_000).toISOString().slice(0, 10));
  const visitColumns =
    'store_id,customer_id,vehicle_id,ro_number,visit_date,department,odometer,labour_total,parts_total,description,deferred_items';
  let visits = 0;
  let vehicle = v.lo;
  let part = 0;
  let w: CsvWriter | null = null;
  const flushPart = async () => {
    if (!w) return;
    const done = w;
    w = null;
    await done.end();
    await timed('copy', () => t.copy('visits', visitColumns, done.file));
    fs.rmSync(done.file);
  };
  const visitsStart = performance.now();
  const copyBefore = seconds.copy;
  for (let i = 0; i < n; i++) {
    const nv = vehicleCount(i);
    for (let j = 0; j < visitCount(i); j++) {
      if (!w) w = new CsvWriter(path.join(dir, `visits-${part++}.csv`), visitColumns);
      visits++;
      const seed = i * 17 + j * 101;
      const r = seed % 20;
      const department = r === 0 ? 'body_shop' : r === 1 ? 'parts' : r === 2 ? 'sales' : 'service';
      const deferred = department === 'service' && seed % 10 === 4 ? DEFERRED[seed % DEFERRED.length] : '{}';
      await w.line(
        `${storeId},${c.lo + i},${vehicle + (j % nv)},RO${visits},${dates[(i * 31 + j * 97) % dates.length]},${department},` +
          `${(seed * 7) % 250_000},${50 + (seed % 400)}.00,${seed % 900}.50,${DESCRIPTIONS[seed % DESCRIPTIONS.length]},${deferred}`,
      );
      if (w.rows === CHUNK_ROWS) await flushPart();
    }
    vehicle += nv;
  }
  await flushPart();
  seconds.generate += (performance.now() - visitsStart) / 1000 - (seconds.copy - copyBefore);
  log(`  visits: ${visits.toLocaleString('en')} copied (${(seconds.generate + seconds.copy).toFixed(1)} s so far)`);
  await timed('analyze', () => t.query('vacuum analyze'));
  return { customers: n, vehicles, visits, hondaOwners, seconds };
}
