/**
 * Typographic punctuation that word processors put in ("smart quotes") and that the GSM-7
 * alphabet lacks: one of them makes a whole text UCS-2, which halves what a message holds.
 * Each maps to its plain GSM-7 equivalent.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u2032': "'", // ′
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u2033': '"', // ″
  '\u2013': '-', // – en dash
  '\u2014': '-', // — em dash
  '\u2212': '-', // − minus
  '\u2026': '...', // …
  '\u00A0': ' ', // no-break space (French typography before : ; ! ?)
  '\u202F': ' ', // narrow no-break space
};

const PATTERN = new RegExp(`[${Object.keys(REPLACEMENTS).join('')}]`, 'g');

/** Whether the text holds any punctuation `replaceSmartPunctuation` would change. */
export function hasSmartPunctuation(text: string): boolean {
  return new RegExp(PATTERN.source).test(text);
}

/** The text with smart quotes, dashes, ellipses and no-break spaces made plain; `count` says how many changed. */
export function replaceSmartPunctuation(text: string): { text: string; count: number } {
  let count = 0;
  const replaced = text.replace(PATTERN, (ch) => {
    count++;
    return REPLACEMENTS[ch] ?? ch;
  });
  return { text: replaced, count };
}
