import { linkify } from './linkify';

describe('linkify', () => {
  it('links http(s), mailto and tel, trimming sentence punctuation', () => {
    expect(
      linkify('See https://example.com/a?b=1. Or (http://x.test/p) mailto:a@b.co, tel:+31 20 123 4567!'),
    ).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: '. Or (' },
      { type: 'link', text: 'http://x.test/p', href: 'http://x.test/p' },
      { type: 'text', text: ') ' },
      { type: 'link', text: 'mailto:a@b.co', href: 'mailto:a@b.co' },
      { type: 'text', text: ', ' },
      { type: 'link', text: 'tel:+31 20 123 4567', href: 'tel:+31201234567' },
      { type: 'text', text: '!' },
    ]);
  });

  it('keeps balanced parentheses inside a URL', () => {
    expect(linkify('https://en.wikipedia.org/wiki/Truck_(vehicle)')[0]).toMatchObject({
      type: 'link',
      text: 'https://en.wikipedia.org/wiki/Truck_(vehicle)',
    });
  });

  it('never links other schemes', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '<a href="javascript:x">x</a>',
    ]) {
      expect(linkify(text).every((p) => p.type === 'text')).toBe(true);
    }
  });
});
