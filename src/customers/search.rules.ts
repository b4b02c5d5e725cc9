/** One way to read what the user typed into the customer search box. */
export type SearchTerm =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'dms_number'; value: string }
  | { kind: 'vin'; value: string }
  | { kind: 'plate'; value: string }
  | { kind: 'name'; words: string[] };

export interface SearchQuery {
  terms: SearchTerm[];
}

const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/;

/**
 * Reads a free-text search as every interpretation that makes sense, so agents need not say
 * what they typed: "416 555 0199" is a phone, "jane@x.ca" an e-mail, "2HGFC2F59KH512345" a VIN,
 * "ABCD 123" a plate or a name. Digits alone may be a DMS number or a phone (its trailing digits).
 */
export function parseSearch(input: string): SearchQuery {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { terms: [] };
  const terms: SearchTerm[] = [];
  if (text.includes('@')) return { terms: [{ kind: 'email', value: text.toLowerCase() }] };

  const compact = text.replace(/[\s().+-]/g, '');
  const upper = compact.toUpperCase();
  if (/^\d+$/.test(compact)) {
    terms.push({ kind: 'dms_number', value: text });
    if (compact.length >= 4) terms.push({ kind: 'phone', value: compact.length > 10 ? compact.slice(-10) : compact });
    if (compact.length >= 6) terms.push({ kind: 'vin', value: upper });
    terms.push({ kind: 'plate', value: upper });
    return { terms };
  }
  if (/\d/.test(compact) && VIN_CHARS.test(upper) && upper.length >= 6 && upper.length <= 17) {
    terms.push({ kind: 'vin', value: upper });
  }
  if (/^[A-Z0-9]{2,8}$/.test(upper)) terms.push({ kind: 'plate', value: upper });
  if (!/^\d/.test(text)) terms.push({ kind: 'dms_number', value: text });
  const words = text.split(' ').filter((w) => /\p{L}/u.test(w));
  if (words.length > 0) terms.push({ kind: 'name', words });
  return { terms };
}
