/** Where a text field's selection is: UTF-16 offsets, start ≤ end (equal for a bare cursor). */
export interface TextSelection {
  start: number;
  end: number;
}

/**
 * Inserts `insert` in place of the selection (or at the cursor) and says where the cursor goes:
 * just after the inserted text. Offsets outside the value are clamped; a missing selection appends.
 */
export function insertAtSelection(
  value: string,
  selection: TextSelection | null,
  insert: string,
): { value: string; cursor: number } {
  const clamp = (n: number) => Math.min(Math.max(n, 0), value.length);
  const start = selection ? clamp(Math.min(selection.start, selection.end)) : value.length;
  const end = selection ? clamp(Math.max(selection.start, selection.end)) : value.length;
  return { value: value.slice(0, start) + insert + value.slice(end), cursor: start + insert.length };
}
