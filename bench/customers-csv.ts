import fs from 'node:fs';
import { once } from 'node:events';

/** The columns of the generated export, as a DMS would head them. */
export const BENCH_HEADER = [
  'Cust #',
  'First Name',
  'Last Name',
  'Address',
  'City',
  'Province',
  'Postal Code',
  'Home Phone',
  'Cell',
  'E-mail',
  'Language',
  'DOB',
];
/** The customers columns the generated file's columns land in, in file order. */
export const COPY_COLUMNS =
  'dms_customer_number, first_name, last_name, address_line1, city, region, postal_code, home_phone, cell_phone, email, language, date_of_birth';
/** Reference only: an index-free staging table with the file's columns (the old, flattering baseline). */
export const STAGING_DDL = `create table bench_copy_plain (
  dms_customer_number text, first_name text, last_name text, address_line1 text, city text, region text,
  postal_code text, home_phone text, cell_phone text, email text, language text, date_of_birth date)`;
/**
 * The honest baseline: a table shaped exactly like customers (columns, defaults, identity, checks,
 * the (store_id, dms_customer_number) unique key and every secondary index, and the store FK), so
 * COPY maintains what the import must maintain. store_id defaults to the bench store.
 */
export const likeCustomersDdl = (storeId: number) => `create table bench_copy_like (like customers including all);
  alter table bench_copy_like alter column store_id set default ${Number(storeId)};
  alter table bench_copy_like add foreign key (store_id) references stores(id);`;

const FIRST = [
  'Marie',
  'Jean',
  'Luc',
  'Sophie',
  'Olivier',
  'Emma',
  'Noah',
  'Liam',
  'Chloé',
  'William',
  'Léa',
  'Thomas',
  'Zoé',
  'Gabriel',
  'Alice',
  'Raj',
  'Mei',
  'Omar',
  'Ana',
  'Ivan',
];
const LAST = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Smith',
  'Brown',
  'Wilson',
  'Li',
  'Martin',
  'Singh',
  'Nguyen',
  "O'Neil",
  'Lévesque',
  'Morin',
  'Taylor',
  'Campbell',
  'Anderson',
  'Pelletier',
  'Fortin',
];
const STREETS = [
  'Main St',
  'King St W',
  'Rue Sherbrooke',
  'Queen St E',
  'Boul. René-Lévesque',
  'Yonge St',
  'Rue Principale',
  'Maple Ave',
];
const CITIES: [string, string, string][] = [
  ['Toronto', 'ON', '416'],
  ['Montréal', 'QC', '514'],
  ['Ottawa', 'ON', '613'],
  ['Vancouver', 'BC', '604'],
  ['Calgary', 'AB', '403'],
  ['Edmonton', 'AB', '780'],
  ['Winnipeg', 'MB', '204'],
  ['Québec', 'QC', '418'],
];

/** A small deterministic generator (mulberry32), so every run writes the same file. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Streams `rows` customers to `file` (UTF-8, comma-separated, some quoted fields), never holding more than a chunk. */
export async function writeCustomersCsv(file: string, rows: number): Promise<number> {
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]): T => {
    const v = xs[Math.floor(rnd() * xs.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  };
  const digits = (n: number) => String(Math.floor(rnd() * 10 ** n)).padStart(n, '0');
  const phone = (area: string) => `(${area}) ${2 + Math.floor(rnd() * 8)}${digits(2)}-${digits(4)}`;
  const out = fs.createWriteStream(file);
  out.write(`${BENCH_HEADER.join(',')}\n`);
  let chunk: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const [city, prov, area] = pick(CITIES);
    const first = pick(FIRST);
    const last = pick(LAST);
    const address =
      rnd() < 0.1
        ? `"${1 + Math.floor(rnd() * 9999)} ${pick(STREETS)}, Apt ${1 + Math.floor(rnd() * 30)}"`
        : `${1 + Math.floor(rnd() * 9999)} ${pick(STREETS)}`;
    const home = rnd() < 0.5 ? phone(area) : '';
    const cell = rnd() < 0.8 ? phone(area) : '';
    const email = rnd() < 0.7 ? `${first}.${last}${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : '';
    const lang = prov === 'QC' ? 'fr' : 'en';
    const dob =
      rnd() < 0.6
        ? `${1940 + Math.floor(rnd() * 65)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`
        : '';
    chunk.push(
      `C${i},${first},"${last}",${address},${city},${prov},${String.fromCharCode(65 + Math.floor(rnd() * 26))}${digits(1)}A ${digits(1)}B${digits(1)},${home},${cell},${email},${lang},${dob}`,
    );
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
