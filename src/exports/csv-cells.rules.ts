/** A value a CSV export may put in a cell. */
export type CellValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (or smuggle one in after a tab or
 * carriage return). The list is OWASP's "CSV Injection" guidance: Excel, LibreOffice and Google
 * Sheets evaluate `=cmd|' /C calc'!A0`, `+1+1`, `-1+1` and `@SUM(A1)` when a partner opens the
 * file, and customer data (names, notes, addresses) is typed by the public.
 */
const FORMULA_TRIGGERS = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  // Full-width forms: Apple Numbers normalises them to the ASCII ones and then evaluates.
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
]);

/**
 * The text of one CSV cell, made safe to open in a spreadsheet. Pure.
 *
 * - A string whose first character is `=`, `+`, `-`, `@`, tab or carriage return (or a full-width
 *   `＝＋－＠`) gets a leading single quote, which spreadsheets show as text and do not evaluate (OWASP's recommendation).
 *   Quoting and escaping of `"`, `,` and line breaks is the CSV writer's job, not this one's.
 * - Numbers and bigints are written as they are: `-12.5` as a number is a value, not a formula,
 *   and prefixing it would turn it into text in the partner's sheet. Non-finite numbers → empty.
 * - Dates → ISO 8601 (`2024-05-01T13:00:00.000Z`); an invalid date → empty.
 * - Booleans → `true` / `false`; `null` and `undefined` → empty.
 */
export function neutraliseCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutraliseText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return Number.isNaN(value.getTime()) ? '' : value.toISOString();
}

/** `neutraliseCell` for text: prefix `'` when the first character would start a formula. */
export function neutraliseText(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}
