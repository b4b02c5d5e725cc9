import { cleanText, type Parsed } from './values.rules.ts';

/** A kept row's dropped value: which field and why (the service adds the line). */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** A row read from the file: typed and normalised, or refused with one reason. */
export type RowOutcome<T> = { ok: true; row: T; warnings: FieldIssue[] } | { ok: false; reason: string };

/** One record's cells by field; a field is absent (undefined) when the file has no column for it. */
export type RawRow<F extends string> = Partial<Record<F, string>>;

/** What row rules need to know about the store the file belongs to. */
export interface RowContext {
  /** ISO 3166 alpha-2, for national phone numbers. */
  country: string;
  /** IANA zone, for appointment times written without an offset. */
  timeZone: string;
  /** The file's header text by field (for messages and consent wording); absent in unit tests. */
  headers?: ReadonlyMap<string, string>;
}

/**
 * Reads the cells of one record, collecting warnings for dropped optional values and the first
 * reason to refuse the record. Optional readers return undefined when the column is absent (the
 * store then leaves that column alone), null when blank or unreadable.
 */
export class RowReader<F extends string> {
  private readonly warnings: FieldIssue[] = [];
  private refusal: string | undefined;

  constructor(private readonly raw: RawRow<F>) {}

  text(field: F): string | null | undefined {
    const v = this.raw[field];
    return v === undefined ? undefined : cleanText(v);
  }

  optional<T>(field: F, parse: (s: string) => Parsed<T>): T | null | undefined {
    const v = this.text(field);
    if (v === undefined || v === null) return v;
    const p = parse(v);
    if (p.ok) return p.value;
    this.warnings.push({ field, reason: p.reason });
    return null;
  }

  /** Like `optional`, but blank or unreadable gives `fallback` (for NOT NULL columns with a default). */
  withDefault<T>(field: F, parse: (s: string) => Parsed<T>, fallback: T): T | undefined {
    const v = this.optional(field, parse);
    return v === null ? fallback : v;
  }

  requiredText(field: F): string {
    const v = this.text(field);
    if (v === undefined || v === null) {
      this.refuse(`${field} is required`);
      return '';
    }
    return v;
  }

  required<T>(field: F, parse: (s: string) => Parsed<T>, placeholder: T): T {
    const v = this.text(field);
    if (v === undefined || v === null) {
      this.refuse(`${field} is required`);
      return placeholder;
    }
    const p = parse(v);
    if (p.ok) return p.value;
    this.refuse(`${field}: ${p.reason}`);
    return placeholder;
  }

  warn(field: F, reason: string): void {
    this.warnings.push({ field, reason });
  }

  refuse(reason: string): void {
    this.refusal ??= reason;
  }

  /** The outcome: the row unless something required was missing or unreadable. */
  done<T>(row: T): RowOutcome<T> {
    return this.refusal === undefined
      ? { ok: true, row, warnings: this.warnings }
      : { ok: false, reason: this.refusal };
  }
}
