import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstPlaceholderOffset, parseTemplateVariables, renderTemplate } from './templates';

describe('templates', () => {
  const content =
    'Thank you for your interest in the {{vehicle_title}}. Yes, it is still available at {{price}}.';

  it('lists variables in order, once each', () => {
    expect(parseTemplateVariables('{{a}} {{b_1}} {{a}} {{ Bad }} {{1x}}')).toEqual(['a', 'b_1']);
  });

  it('fills variables', () => {
    const r = renderTemplate(content, { vehicle_title: '2021 Volvo FH 500', price: 'EUR 85,000' });
    expect(r.text).toBe(
      'Thank you for your interest in the 2021 Volvo FH 500. Yes, it is still available at EUR 85,000.',
    );
    expect(r.missing).toEqual([]);
  });

  it('reports missing and blank variables by name and keeps their placeholders', () => {
    const r = renderTemplate(content, { vehicle_title: '  ' });
    expect(r.missing).toEqual(['vehicle_title', 'price']);
    expect(r.text).toContain('{{price}}');
  });

  it('does not treat inherited object keys as values', () => {
    expect(renderTemplate('{{constructor}}', {}).missing).toEqual(['constructor']);
  });

  it('finds the first placeholder for the caret', () => {
    expect(firstPlaceholderOffset('Hi {{buyer_name}}, {{price}}')).toBe(3);
    expect(firstPlaceholderOffset('no placeholders')).toBe(-1);
  });

  it('property: rendering with every variable filled leaves no placeholder and reports none missing', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 8 }), name), { maxLength: 6 }),
        fc.string({ minLength: 1, maxLength: 10 }),
        (parts, value) => {
          const filled = value.trim() ? value : 'x';
          const tpl = parts.map(([lit, n]) => `${lit.replace(/[{}]/g, '')}{{${n}}}`).join('');
          const vars = Object.fromEntries(
            parseTemplateVariables(tpl).map((n) => [n, filled.replace(/[{}]/g, '') || 'x']),
          );
          const r = renderTemplate(tpl, vars);
          expect(r.missing).toEqual([]);
          expect(parseTemplateVariables(r.text)).toEqual([]);
        },
      ),
    );
  });
});
