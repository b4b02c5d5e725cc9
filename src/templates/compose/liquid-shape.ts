import { DomUtils, parseDocument } from 'htmlparser2';
import type { LiquidGuard } from './liquid-guard.ts';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

/**
 * Where the Liquid of a guarded e-mail body sits, and so how much of the e-mail can be composed
 * once per template rather than once per customer (compileEmail).
 */
export interface LiquidShape {
  /** Why the document cannot be composed with its tags unrendered (each message is composed whole), or null. */
  uncompiled: string | null;
  /** Why the text part cannot be converted with its tags unrendered (html-to-text per message), or null. */
  textPerMessage: string | null;
  /**
   * Some attribute holds Liquid: each rendered document's attributes are checked for what the
   * sanitiser would have removed after rendering (a refused URL, an empty value).
   */
  dynamicAttributes: boolean;
  /**
   * Links whose URL holds Liquid. html-to-text writes "text [url]", "text" alone when the URL is
   * empty or equals the text, and drops a `mailto:`; which one depends on the rendered URL, so each
   * message checks its URLs against the case the compiled text part assumed.
   */
  links: DynamicLink[];
}

export interface DynamicLink {
  /** The href's Liquid source (entities decoded), rendered as text for the check. */
  href: string;
  /** The link text is the same single tag as the href: the compiled text shows it once. */
  sameAsText: boolean;
  /** Otherwise the link's static text as html-to-text compares it (words run together). */
  textWords: string;
}

const BLOCK_OPEN = new Set(['if', 'unless', 'case', 'for', 'capture', 'comment']);
const BLOCK_MIDDLE = new Set(['elsif', 'else', 'when']);
const TAG_NAME = /^\{%-?\s*(#|[a-z]+)/;
const WHITE = /[ \t\r\n\f\u200b]+/;
/** Structures whose text layout html-to-text computes from the rendered content (numbering, columns, prefixes). */
const TEXT_LAYOUT_TAGS = new Set(['ol', 'table', 'blockquote', 'pre']);
/** Attributes whose Liquid would change what juice inlines (selectors, declarations). */
const CSS_ATTRIBUTES = new Set(['style', 'class']);

interface Occurrence {
  span: string;
  /** Text of one element's children, or one attribute of one element. */
  container: string;
}

/** Analyses `html`, the sanitised body with its Liquid replaced by `guard`'s placeholders. */
export function analyseLiquid(html: string, guard: LiquidGuard): LiquidShape {
  const shape: LiquidShape = { uncompiled: null, textPerMessage: null, dynamicAttributes: false, links: [] };
  const occurrences: Occurrence[] = [];
  const uncompiled = (why: string) => (shape.uncompiled ??= why);
  const textPerMessage = (why: string) => (shape.textPerMessage ??= why);
  let ids = 0;

  const visit = (nodes: ChildNode[], container: string, inList: boolean) => {
    for (const node of nodes) {
      if (DomUtils.isText(node)) {
        for (const span of guard.spansIn(node.data)) occurrences.push({ span, container });
      } else if (DomUtils.isTag(node)) {
        const id = `e${ids++}`;
        if (node.name === 'style' && guard.spansIn(DomUtils.textContent(node)).length > 0)
          uncompiled('Liquid inside a <style> block');
        if (TEXT_LAYOUT_TAGS.has(node.name)) textPerMessage(`a <${node.name}> in the body`);
        if (node.name === 'li' && inList) textPerMessage('a nested list');
        for (const [name, value] of Object.entries(node.attribs)) {
          const spans = guard.spansIn(value);
          if (spans.length === 0) continue;
          if (CSS_ATTRIBUTES.has(name)) uncompiled(`Liquid in a ${name} attribute`);
          shape.dynamicAttributes = true;
          if (name === 'href' && node.name === 'a') link(node, value);
          for (const span of spans) occurrences.push({ span, container: `${id}@${name}` });
        }
        visit(node.children, id, inList || node.name === 'li');
      }
    }
  };

  const link = (a: Element, href: string) => {
    const text = DomUtils.textContent(a).trim();
    const sameAsText = text === href.trim() && guard.spansIn(href).length === 1 && !/\s/.test(text);
    if (!sameAsText && guard.spansIn(text).length > 0)
      textPerMessage('a link whose text and URL are different merge tags');
    shape.links.push({ href: guard.restore(href), sameAsText, textWords: text.split(WHITE).join('') });
  };

  visit(parseDocument(html).children, 'root', false);

  // A block must open, branch and close among the children of one element (or in one attribute):
  // then whatever it keeps or drops is whole elements, and the document composed around its
  // placeholders is the one each rendering would have produced.
  const stack: Occurrence[] = [];
  const names: string[] = [];
  for (const o of occurrences) {
    const name = TAG_NAME.exec(o.span)?.[1];
    if (name === undefined) continue;
    if (name === 'capture' || name === 'assign') textPerMessage(`{% ${name} %}`);
    if (name === 'for' || name === 'capture' || name === 'assign')
      if (shape.links.length > 0) textPerMessage('a link URL with a merge tag beside a loop or variable');
    if (BLOCK_OPEN.has(name)) {
      stack.push(o);
      names.push(name);
    } else if (BLOCK_MIDDLE.has(name) || name.startsWith('end')) {
      const open = stack[stack.length - 1];
      if (open === undefined || open.container !== o.container) {
        uncompiled(`{% ${name} %} does not close its block inside the same element`);
        break;
      }
      if (name.startsWith('end')) {
        stack.pop();
        names.pop();
      }
    }
  }
  if (stack.length > 0) uncompiled(`{% ${names[names.length - 1] ?? ''} %} is not closed`);
  return shape;
}
