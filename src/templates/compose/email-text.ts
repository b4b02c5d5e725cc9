import { TEXT_WIDTH } from './email-compose.ts';

/**
 * The plain-text part of a compiled e-mail. At compile time the document is converted to text
 * once, merge tags still in it and without word wrapping (a tag's width is unknown until it is
 * rendered); after each customer's render, `tidyText` wraps and spaces the lines as html-to-text
 * does when it converts a rendered document (composeEmail), for the shapes compileEmail lets
 * through: paragraphs, line breaks, headings, links and one level of bulleted list.
 */

// html-to-text's white space: a no-break space is not one (it belongs to its word).
const SPACE = '[ \\t\\r\\f\\u200b]';
const SPACES = new RegExp(`${SPACE}+`);
const UNTIDY = new RegExp(`^${SPACE}|${SPACE}$|${SPACE}{2}|[\\t\\r\\f\\u200b]`);
// A line may start with a bullet (" * ") or a list item's continuation indent ("   "); at most
// one level (deeper lists are not compiled).

/** One line as html-to-text would have written it: white space collapsed, wrapped to the width. */
export function tidyLine(line: string): string {
  const prefix = line.startsWith(' * ') || line.startsWith('   ') ? line.slice(0, 3) : '';
  const rest = prefix === '' ? line : line.slice(3);
  const width = Math.max(20, TEXT_WIDTH - prefix.length);
  const untidy = UNTIDY.test(rest);
  if (rest.length <= width && !untidy) return line;
  return untidy ? wrapWords(rest, width, prefix) : wrapSpaced(rest, width, prefix);
}

/**
 * The greedy wrap of `rest` (a line's text after its prefix): words separated by runs of white
 * space, lines as long as fit in `width`, a longer word alone on its line.
 */
function wrapWords(rest: string, width: number, prefix: string): string {
  const words = rest.split(SPACES).filter((w) => w !== '');
  if (words.length === 0) return '';
  const indent = ' '.repeat(prefix.length);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  out.push(current);
  return out.map((l, i) => (i === 0 ? prefix : indent) + l).join('\n');
}

/**
 * wrapWords for the usual line, whose words are separated by single spaces and which neither
 * starts nor ends with one: each wrapped line is a slice of it, found without splitting it.
 */
function wrapSpaced(rest: string, width: number, prefix: string): string {
  const indent = prefix === '' ? '' : ' '.repeat(prefix.length);
  let out = prefix;
  let start = 0;
  let end = -1;
  for (let at = 0; at <= rest.length;) {
    let space = rest.indexOf(' ', at);
    if (space < 0) space = rest.length;
    if (end >= 0 && end - start + 1 + (space - at) > width) {
      out += `${rest.slice(start, end)}\n${indent}`;
      start = at;
    }
    end = space;
    at = space + 1;
  }
  return out + rest.slice(start, end);
}

/**
 * A rendered text part, tidied: each line wrapped and its white space collapsed, as html-to-text
 * would have; runs of blank lines left by empty merge tags and false conditions folded into one
 * when `foldBlankLines` (the template itself never has two blank lines in a row); no blank lines
 * at either end.
 */
export function tidyText(text: string, foldBlankLines: boolean): string {
  let out = text.split('\n').map(tidyLine).join('\n');
  if (foldBlankLines) out = out.replace(/\n{3,}/g, '\n\n');
  return out.replace(/^\n+|\n+$/g, '');
}

/**
 * Turns html-to-text's conversion of a guarded document into a text template: a line holding
 * nothing but Liquid tags (`{% for … %}` before a list item, `{% if … %}` between paragraphs) is
 * joined to the start of the next line, so the tag adds no line of its own to the rendered text.
 * `isTagOnly(line)` says whether a line holds only tag placeholders (no output, no text).
 */
export function joinTagLines(text: string, isTagOnly: (line: string) => boolean): string {
  const out: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (isTagOnly(line)) pending += line.trim();
    else {
      out.push(pending + line);
      pending = '';
    }
  }
  if (pending !== '') out.push(pending);
  return out.join('\n');
}
