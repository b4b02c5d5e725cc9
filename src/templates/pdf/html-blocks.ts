import { Parser } from 'htmlparser2';
import { toWinAnsi } from './winansi.ts';

// A rendered message body is a small HTML subset: <p>, <br>, <ul>/<ol>/<li>, <strong>/<b>, <em>/<i>,
// <a> (and headings or <div>s an editor may add). It becomes a list of blocks of styled runs that
// pdfkit can draw. Anything else keeps only its text; <script>, <style> and similar keep nothing.
// htmlparser2 (the tokenizer behind sanitize-html and html-to-text) decodes entities and copes with
// broken markup, so this file only decides what each tag means on paper.

/** A stretch of text in one style. `\n` inside the text is a line break within the block. */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A paragraph, heading or list item. */
export interface TextBlock {
  runs: TextRun[];
  /** The list marker ('•', '3.') for a list item, else null. */
  bullet: string | null;
  /** List nesting: 0 for paragraphs, 1 for a top-level list item, ... */
  depth: number;
  heading: boolean;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'address',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'dl',
  'dt',
  'dd',
  'hr',
  'body',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'iframe', 'object']);
const BOLD = new Set(['strong', 'b']);
const ITALIC = new Set(['em', 'i']);
// HTML collapses these, but not the no-break space, which must survive as a real character.
const HTML_SPACE = /[ \t\n\r\f]+/g;

interface ListState {
  ordered: boolean;
  next: number;
}

interface OpenLink {
  href: string;
  /** Length of the block's text when the link opened, to compare the link text with its address. */
  start: number;
}

/** Converts the message-body HTML subset to blocks of WinAnsi-safe runs (see the file comment). */
export function htmlToBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: ListState[] = [];
  const links: OpenLink[] = [];
  let runs: TextRun[] = [];
  let bullet: string | null = null;
  let heading = false;
  let bold = 0;
  let italic = 0;
  let dropped = 0;
  // At a block's start or after a line break, leading spaces are not rendered.
  let atLineStart = true;

  const blockText = () => runs.map((r) => r.text).join('');

  const append = (text: string, style?: { bold: boolean; italic: boolean }) => {
    if (text === '') return;
    const b = style?.bold ?? (bold > 0 || heading);
    const i = style?.italic ?? italic > 0;
    const last = runs[runs.length - 1];
    if (last && last.bold === b && last.italic === i) last.text += text;
    else runs.push({ text, bold: b, italic: i });
  };

  const trimTrailingSpaces = () => {
    const last = runs[runs.length - 1];
    if (last) last.text = last.text.replace(/ +$/, '');
  };

  const flush = () => {
    trimTrailingSpaces();
    while (runs.length > 0 && /^[\s]*$/.test(runs[runs.length - 1]?.text ?? '')) runs.pop();
    const last = runs[runs.length - 1];
    if (last) last.text = last.text.replace(/\s+$/, '');
    const kept = runs.filter((r) => r.text !== '');
    if (kept.some((r) => r.text.trim() !== '')) {
      blocks.push({ runs: kept, bullet, depth: bullet === null ? 0 : Math.max(lists.length, 1), heading });
    }
    runs = [];
    bullet = null;
    heading = false;
    atLineStart = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (DROPPED.has(name)) dropped++;
        if (dropped > 0) return;
        if (name === 'br') {
          trimTrailingSpaces();
          append('\n');
          atLineStart = true;
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
        if (name === 'ul' || name === 'ol') {
          const start = Number.parseInt(attribs.start ?? '', 10);
          lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 });
        } else if (name === 'li') {
          const list = lists[lists.length - 1];
          bullet = list?.ordered ? `${list.next++}.` : '•';
        } else if (HEADINGS.has(name)) {
          heading = true;
        } else if (BOLD.has(name)) {
          bold++;
        } else if (ITALIC.has(name)) {
          italic++;
        } else if (name === 'a') {
          links.push({ href: attribs.href ?? '', start: blockText().length });
        } else if (name === 'td' || name === 'th') {
          if (!atLineStart) append(' ');
        }
      },
      ontext(raw) {
        if (dropped > 0) return;
        let text = raw.replace(HTML_SPACE, ' ');
        if (atLineStart) text = text.replace(/^ +/, '');
        if (text === '') return;
        if (text.startsWith(' ') && runs[runs.length - 1]?.text.endsWith(' ')) text = text.slice(1);
        append(toWinAnsi(text));
        atLineStart = false;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (BOLD.has(name)) bold = Math.max(0, bold - 1);
        else if (ITALIC.has(name)) italic = Math.max(0, italic - 1);
        else if (name === 'a') closeLink(links.pop());
        if (BLOCK_TAGS.has(name)) {
          flush();
          if (name === 'ul' || name === 'ol') lists.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  // On paper a link must show where it goes, unless its text already is the address.
  const closeLink = (link: OpenLink | undefined) => {
    if (!link) return;
    const target = printableHref(link.href);
    if (target === null) return;
    const label = blockText().slice(link.start).trim();
    if (label === target || label === link.href.trim()) return;
    append(` (${toWinAnsi(target)})`, { bold: false, italic: false });
    atLineStart = false;
  };

  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

function printableHref(href: string): string | null {
  const h = href.trim();
  if (/^mailto:/i.test(h)) return h.slice('mailto:'.length).split('?')[0] ?? null;
  if (/^https?:\/\//i.test(h)) return h;
  return null;
}

/** The block's text without styling (what measuring and truncation work on). */
export function blockPlainText(block: TextBlock): string {
  return block.runs.map((r) => r.text).join('');
}

/**
 * The first `chars` characters of `blocks` followed by an ellipsis, cut at a word boundary when one
 * is near, for a message that cannot fit even at the smallest font size.
 */
export function truncateBlocks(blocks: readonly TextBlock[], chars: number): TextBlock[] {
  const total = blocks.reduce((n, b) => n + blockPlainText(b).length, 0);
  if (chars >= total) return blocks.map((b) => ({ ...b, runs: b.runs.map((r) => ({ ...r })) }));
  const out: TextBlock[] = [];
  let left = Math.max(chars, 0);
  let nextChar = '';
  for (const block of blocks) {
    const runs: TextRun[] = [];
    for (const run of block.runs) {
      if (left <= 0) break;
      runs.push({ ...run, text: run.text.slice(0, left) });
      left -= Math.min(left, run.text.length);
    }
    if (runs.length > 0) out.push({ ...block, runs });
    if (left <= 0) {
      nextChar = blockPlainText(block).charAt(runs.reduce((n, r) => n + r.text.length, 0));
      break;
    }
  }
  const lastBlock = out[out.length - 1];
  const lastRun = lastBlock?.runs[lastBlock.runs.length - 1];
  if (!lastBlock || !lastRun)
    return [{ runs: [{ text: '…', bold: false, italic: false }], bullet: null, depth: 0, heading: false }];
  if (/\S/.test(nextChar)) {
    // The cut fell inside a word: end on the previous whole word, unless that loses most of the run.
    const cut = lastRun.text.replace(/\S*$/, '');
    if (cut.trim().length >= lastRun.text.length / 2) lastRun.text = cut;
  }
  lastRun.text = lastRun.text.replace(/[\s,.;:]+$/, '') + '…';
  return out;
}
