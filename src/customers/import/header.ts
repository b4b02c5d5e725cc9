import { DomainError } from '../../shared/errors.ts';
import type { RawRow } from './row.rules.ts';

/** One field a kind of file can carry, with the header spellings DMS exports use for it. */
export interface FieldSpec<F extends string> {
  field: F;
  aliases: readonly string[];
  required?: boolean;
  /**
   * Numbered columns ('Deferred 1', 'Deferred 2', ...) whose normalised header matches; their
   * non-blank cells are joined with '|' into the field, the same form as a single listing column.
   */
  repeats?: RegExp;
}

export interface HeaderMap<F extends string> {
  single: { field: F; index: number }[];
  repeated: { field: F; indexes: number[] }[];
  /** Fields the file has a column for. */
  present: ReadonlySet<F>;
  /** Header cells that matched no field (they are ignored). */
  ignored: string[];
}

/**
 * Header text compared without case, accents, spacing or punctuation; '#' reads as 'number'
 * ('Cust #' → 'custnumber', 'E-mail' → 'email').
 */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replaceAll('#', 'number')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Matches a header row to a kind's fields. The first column that matches a field wins; unknown
 * columns are ignored. Refuses the file (import_bad_header) when a required field has no column.
 */
export function mapHeader<F extends string>(
  kind: string,
  specs: readonly FieldSpec<F>[],
  header: readonly string[],
): HeaderMap<F> {
  const byKey = new Map<string, F>();
  for (const s of specs) {
    byKey.set(headerKey(s.field), s.field);
    for (const a of s.aliases) byKey.set(headerKey(a), s.field);
  }
  const single: HeaderMap<F>['single'] = [];
  const repeated = new Map<F, number[]>();
  const present = new Set<F>();
  const ignored: string[] = [];
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (key === '') return;
    const field = byKey.get(key);
    if (field !== undefined) {
      if (!present.has(field)) {
        present.add(field);
        single.push({ field, index });
      } else ignored.push(name);
      return;
    }
    const rep = specs.find((s) => s.repeats?.test(key));
    if (rep) {
      present.add(rep.field);
      repeated.set(rep.field, [...(repeated.get(rep.field) ?? []), index]);
      return;
    }
    ignored.push(name);
  });
  const missing = specs.filter((s) => s.required && !present.has(s.field)).map((s) => s.field);
  if (missing.length > 0) {
    const found = header.filter((h) => h.trim() !== '').map((h) => `"${h.trim()}"`);
    throw new DomainError(
      'import_bad_header',
      `The ${kind} file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Columns found: ${found.join(', ') || '(none)'}.`,
      { missing, found: header },
    );
  }
  return { single, repeated: [...repeated].map(([field, indexes]) => ({ field, indexes })), present, ignored };
}

/** One record's cells by field, per a header map. */
export function rawRow<F extends string>(map: HeaderMap<F>, record: readonly string[]): RawRow<F> {
  const row: RawRow<F> = {};
  for (const { field, index } of map.single) row[field] = record[index] ?? '';
  for (const { field, indexes } of map.repeated) {
    const own = row[field];
    const parts = own === undefined || own.trim() === '' ? [] : [own];
    for (const i of indexes) {
      const v = record[i]?.trim();
      if (v) parts.push(v);
    }
    row[field] = parts.join('|');
  }
  return row;
}
