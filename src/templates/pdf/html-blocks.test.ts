import { describe, expect, it } from 'vitest';
import { blockPlainText, htmlToBlocks, truncateBlocks } from './html-blocks.ts';

const texts = (html: string) => htmlToBlocks(html).map(blockPlainText);

describe('htmlToBlocks', () => {
  it('splits paragraphs and keeps <br> as a line break', () => {
    expect(texts('<p>Dear  Jane,</p>\n<p>Yours truly,<br>\n  Bob<br>Main Motors</p>')).toEqual([
      'Dear Jane,',
      'Yours truly,\nBob\nMain Motors',
    ]);
  });

  it('styles bold and italic runs', () => {
    const [block] = htmlToBlocks('<p>On <strong>May 3</strong> at <em>9 <b>am</b></em>.</p>');
    expect(block?.runs).toEqual([
      { text: 'On ', bold: false, italic: false },
      { text: 'May 3', bold: true, italic: false },
      { text: ' at ', bold: false, italic: false },
      { text: '9 ', bold: false, italic: true },
      { text: 'am', bold: true, italic: true },
      { text: '.', bold: false, italic: false },
    ]);
  });

  it('turns list items into bulleted or numbered blocks', () => {
    const blocks = htmlToBlocks('<ul><li>Brakes</li><li>Tires<ol start="3"><li>front</li></ol></li></ul>');
    expect(blocks.map((b) => [b.bullet, b.depth, blockPlainText(b)])).toEqual([
      ['•', 1, 'Brakes'],
      ['•', 1, 'Tires'],
      ['3.', 2, 'front'],
    ]);
  });

  it('decodes entities and keeps no-break spaces', () => {
    expect(
      texts('<p>Tom &amp; Jerry &lt;3 l&#39;&eacute;t&eacute; &laquo;&nbsp;oui&nbsp;&raquo; &#x263A;</p>'),
    ).toEqual(["Tom & Jerry <3 l'été «\u00a0oui\u00a0» ?"]);
  });

  it('drops script and style content and keeps the text of unknown tags', () => {
    expect(texts('<style>p{color:red}</style><p>Hi <blink>there</blink><script>alert("x")</script>!</p>')).toEqual([
      'Hi there!',
    ]);
  });

  it('prints a link’s address unless its text already is the address', () => {
    expect(
      texts(
        '<p><a href="https://ex.com/rate">Rate us</a> or <a href="https://ex.com">https://ex.com</a> or <a href="mailto:a@b.ca">a@b.ca</a></p>',
      ),
    ).toEqual(['Rate us (https://ex.com/rate) or https://ex.com or a@b.ca']);
  });

  it('accepts bare text and ignores empty paragraphs', () => {
    expect(texts('Hello <p> </p><p><br></p> world')).toEqual(['Hello', 'world']);
  });
});

describe('truncateBlocks', () => {
  const blocks = htmlToBlocks('<p>One two three four.</p><p>Five six.</p>');

  it('returns everything when it fits', () => {
    expect(truncateBlocks(blocks, 1000).map(blockPlainText)).toEqual(['One two three four.', 'Five six.']);
  });

  it('cuts at a word and adds an ellipsis', () => {
    expect(truncateBlocks(blocks, 11).map(blockPlainText)).toEqual(['One two…']);
    expect(truncateBlocks(blocks, 19).map(blockPlainText)).toEqual(['One two three four…']);
  });
});
