import { describe, expect, it } from 'vitest';
import { sanitiseEmailHtml } from './html-sanitise.ts';

const removedOf = (html: string) => sanitiseEmailHtml(html).removed;

describe('sanitiseEmailHtml: what goes, and is reported', () => {
  it('removes scripts with their content', () => {
    const r = sanitiseEmailHtml('<p>Hi</p><script>alert(1)</script><SCRIPT src="http://x/y.js"></SCRIPT>');
    expect(r.html).toBe('<p>Hi</p>');
    expect(r.removed).toEqual([{ kind: 'element', name: 'script', count: 2 }]);
  });

  it('removes event handlers, counted by name', () => {
    const r = sanitiseEmailHtml('<p onclick="a()">x</p><a href="https://x.test" onclick="b()" onMouseOver="c()">y</a>');
    expect(r.html).toBe('<p>x</p><a href="https://x.test">y</a>');
    expect(r.removed).toEqual([
      { kind: 'attribute', name: 'onclick', count: 2 },
      { kind: 'attribute', name: 'onmouseover', count: 1 },
    ]);
  });

  it('removes forms and their controls, keeping the visible text', () => {
    const r = sanitiseEmailHtml(
      '<form action="https://evil.test/collect" method="post">Name <input name="n"><select><option>A</option></select><textarea>t</textarea><button>Send</button></form>',
    );
    expect(r.html).toBe('Name Send');
    expect(r.removed).toEqual([
      { kind: 'element', name: 'form', count: 1 },
      { kind: 'element', name: 'input', count: 1 },
      { kind: 'element', name: 'select', count: 1 },
      { kind: 'element', name: 'textarea', count: 1 },
      { kind: 'element', name: 'button', count: 1 },
    ]);
  });

  it('removes iframes, objects and embeds with their fallback content', () => {
    const r = sanitiseEmailHtml(
      '<iframe src="https://x.test">no frames</iframe><object data="x.swf"><param name="a">alt</object><embed src="x.swf"><p>kept</p>',
    );
    expect(r.html).toBe('<p>kept</p>');
    expect(r.removed).toEqual([
      { kind: 'element', name: 'iframe', count: 1 },
      { kind: 'element', name: 'object', count: 1 },
      { kind: 'element', name: 'embed', count: 1 },
    ]);
  });

  it('removes javascript: URLs however they are disguised', () => {
    const r = sanitiseEmailHtml(
      '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="java&#x09;script:alert(1)">c</a><a href=" &#106;avascript:alert(1)">d</a>',
    );
    expect(r.html).toBe('<a>a</a><a>b</a><a>c</a><a>d</a>');
    expect(r.removed).toEqual([{ kind: 'url', name: 'javascript:', count: 4 }]);
  });

  it('allows http, https, mailto and tel links; refuses other schemes and protocol-relative URLs', () => {
    const ok =
      '<a href="https://a.test">1</a><a href="http://a.test">2</a><a href="mailto:a@b.test">3</a><a href="tel:+15145550000">4</a>';
    expect(sanitiseEmailHtml(ok)).toEqual({ html: ok, removed: [] });
    expect(removedOf('<a href="vbscript:x">1</a><a href="ftp://x.test">2</a><a href="//evil.test">3</a>')).toEqual([
      { kind: 'url', name: 'vbscript:', count: 1 },
      { kind: 'url', name: 'ftp:', count: 1 },
      { kind: 'url', name: '//', count: 1 },
    ]);
  });

  it('allows images over http(s), cid and raster data URLs only', () => {
    const ok =
      '<img src="https://a.test/logo.png" alt="" /><img src="cid:logo" /><img src="data:image/png;base64,iVBORw0KGgo=" />';
    expect(sanitiseEmailHtml(ok)).toEqual({ html: ok, removed: [] });
    const r = sanitiseEmailHtml(
      '<img src="data:text/html;base64,PHNjcmlwdD4=" /><img src="data:image/svg+xml,<svg onload=x>" />',
    );
    expect(r.html).toBe('<img /><img />');
    expect(r.removed).toEqual([{ kind: 'url', name: 'data:', count: 2 }]);
  });

  it('keeps the e-mail allow-list intact', () => {
    const html =
      '<center><table width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" align="center">' +
      '<thead><tr><th colspan="2" valign="top">T</th></tr></thead><tbody><tr><td rowspan="1" height="20" class="c">' +
      '<h1>H</h1><ul><li><strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <u>u</u></li></ul><ol><li>o</li></ol>' +
      '<blockquote>q</blockquote><hr /><font color="#f00" face="Arial" size="2">f</font><span style="color:red">r</span>' +
      '<div title="t"><a href="https://x.test" target="_blank">l</a><br /></div></td></tr></tbody></table></center>';
    expect(sanitiseEmailHtml(html)).toEqual({ html, removed: [] });
  });

  it('unwraps a pasted document without reporting the shell, keeping its <style>', () => {
    const r = sanitiseEmailHtml(
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Newsletter</title><style>p{color:red}</style></head><body><p>Hi</p></body></html>',
    );
    expect(r.html).toBe('<style>p{color:red}</style><p>Hi</p>');
    expect(r.removed).toEqual([]);
  });

  it('strips @import and unsafe url() from <style> blocks and style attributes', () => {
    const r = sanitiseEmailHtml(
      '<style>@import url("https://x.test/a.css"); @\\69mport "b.css"; p { color: red; background: url(javascript:alert(1)) }</style>' +
        '<p style="background-image: url(\'JAVASCRIPT:alert(1)\'); color: blue">x</p><p style="background: url(https://x.test/bg.png)">y</p>',
    );
    expect(r.html).toBe(
      '<style>  p { color: red; background: none }</style><p style="background-image: none; color: blue">x</p><p style="background: url(https://x.test/bg.png)">y</p>',
    );
    expect(r.removed).toEqual([
      { kind: 'url', name: 'javascript:', count: 2 },
      { kind: 'css', name: '@import', count: 2 },
    ]);
  });

  it('cannot be walked past with a backslash-escaped url( or scheme', () => {
    const r = sanitiseEmailHtml('<p style="background: u\\72l(\\6a avascript:alert(1))">x</p>');
    expect(r.html).toBe('<p style="background: none">x</p>');
    expect(r.removed).toEqual([{ kind: 'url', name: 'javascript:', count: 1 }]);
  });

  it('is stable: sanitising its own output changes nothing', () => {
    const once = sanitiseEmailHtml('<p onclick="x">a &amp; b <script>s</script><a href="javascript:x">l</a></p>').html;
    expect(sanitiseEmailHtml(once)).toEqual({ html: once, removed: [] });
  });
});

describe('sanitiseEmailHtml: Liquid survives the save-time pass', () => {
  it('keeps {{ }} in an href as written: not URL-encoded, not taken for a scheme', () => {
    const html =
      '<a href="{{ unsubscribe_url }}">Unsubscribe</a> <a href="https://x.test/book?c={{ customer.first_name | url_encode }}">Book</a>';
    expect(sanitiseEmailHtml(html)).toEqual({ html, removed: [] });
  });

  it('keeps {{ }} in an image src and in style', () => {
    const html = '<img src="{{ store.logo_url }}" alt="{{ store.name }}" /><p style="color: {{ brand_color }}">x</p>';
    expect(sanitiseEmailHtml(html)).toEqual({ html, removed: [] });
  });

  it('does not escape < > & inside Liquid tags', () => {
    const html =
      '{% if vehicle.year < 2015 and visit.count > 3 %}<p>{{ customer.first_name | default: "you & yours" }}</p>{% endif %}';
    expect(sanitiseEmailHtml(html)).toEqual({ html, removed: [] });
  });

  it('keeps Liquid around and inside markup, including whitespace-control tags', () => {
    const html =
      '<ul>{%- for item in deferred_items -%}<li>{{- item -}}</li>{%- endfor -%}</ul><p style="{% if vip %}font-weight:bold;{% endif %}">x</p>';
    expect(sanitiseEmailHtml(html)).toEqual({ html, removed: [] });
  });

  it('keeps a single-quoted attribute holding double quotes valid', () => {
    const r = sanitiseEmailHtml(`<img alt='{{ store.name | default: "our store" }}' src="https://x.test/a.png" />`);
    expect(r.html).toBe(`<img alt="{{ store.name | default: 'our store' }}" src="https://x.test/a.png" />`);
  });

  it('still strips dangerous markup around Liquid, and names a Liquid tag found where an attribute was', () => {
    const r = sanitiseEmailHtml('<td {% if vip %}bgcolor="gold"{% endif %}>{{ x }}<script>{{ y }}</script></td>');
    expect(r.html).toBe('<td>{{ x }}</td>');
    expect(r.removed).toEqual([
      { kind: 'attribute', name: '{% if vip %}bgcolor', count: 1 },
      { kind: 'attribute', name: '{% endif %}', count: 1 },
      { kind: 'element', name: 'script', count: 1 },
    ]);
  });

  it('a javascript: URL split by a Liquid tag passes the save-time pass but not the rendered one', () => {
    const saved = sanitiseEmailHtml('<a href="java{{ x }}script:alert(1)">a</a>');
    expect(saved.removed).toEqual([]);
    const rendered = saved.html.replace('{{ x }}', '');
    expect(sanitiseEmailHtml(rendered)).toEqual({
      html: '<a>a</a>',
      removed: [{ kind: 'url', name: 'javascript:', count: 1 }],
    });
  });
});
