// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstPlaceholderOffset, parseTemplateVariables, renderTemplate } from '../../src/core/templates';

/** Variable names the renderer recognises. */
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
/** Literal text that may contain braces, partial placeholders and odd whitespace. */
const literal = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '{',
    '}',
    '{{',
    '}}',
    '{{ }}',
    '{{1x}}',
    '{{A}}',
    '{{{',
    '}}}',
    ' ',
    '\u202e',
    '\u200b',
    '$&',
    '$1',
    "$'",
  ),
);
/** A template made of literals and (possibly spaced) placeholders. */
const template = fc
  .array(fc.tuple(literal, name, fc.constantFrom('', ' ', '  ')), { maxLength: 6 })
  .map((parts) => parts.map(([lit, n, pad]) => `${lit}{{${pad}${n}${pad}}}`).join(''));
const value = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constant(''),
  fc.constant('   '),
  fc.constant(undefined),
  fc.constantFrom('$&', '{{x}}', '$1'),
);
const variables = fc.dictionary(name, value, { maxKeys: 6 });

describe('template rendering (properties)', () => {
  it('never throws, whatever the content and values (including prototype names)', () => {
    fc.assert(
      fc.property(
        fc.oneof(template, fc.string({ maxLength: 80 })),
        fc.dictionary(fc.oneof(name, fc.constantFrom('__proto__', 'constructor', 'toString')), value),
        (tpl, vars) => {
          const r = renderTemplate(tpl, vars);
          expect(typeof r.text).toBe('string');
          expect(Array.isArray(r.missing)).toBe(true);
        },
      ),
    );
  });

  it('missing = exactly the template variables without a non-blank value, in order of appearance', () => {
    fc.assert(
      fc.property(template, variables, (tpl, vars) => {
        const expected = parseTemplateVariables(tpl).filter((n) => {
          const v = Object.prototype.hasOwnProperty.call(vars, n) ? vars[n] : undefined;
          return v === undefined || v.trim() === '';
        });
        expect(renderTemplate(tpl, vars).missing).toEqual(expected);
      }),
    );
  });

  it('values are inserted literally: `$&`, `$1` and braces inside values are not interpreted', () => {
    fc.assert(
      fc.property(name, fc.constantFrom('$&', '$1', "$'", '$$', '{{other}}'), (n, v) => {
        expect(renderTemplate(`<{{${n}}}>`, { [n]: v }).text).toBe(`<${v}>`);
      }),
    );
  });

  it('is idempotent on text without braces: rendering it again changes nothing and reports nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }).map((s) => s.replace(/[{}]/g, '')),
        variables,
        (text, vars) => {
          const r = renderTemplate(text, vars);
          expect(r).toEqual({ text, missing: [] });
          expect(renderTemplate(r.text, vars)).toEqual(r);
        },
      ),
    );
  });

  it('rendering twice with the same values equals rendering once when values contain no placeholders', () => {
    fc.assert(
      fc.property(
        template,
        fc.dictionary(
          name,
          fc.string({ maxLength: 8 }).map((s) => s.replace(/[{}]/g, '')),
        ),
        (tpl, vars) => {
          const once = renderTemplate(tpl, vars);
          expect(renderTemplate(once.text, vars).text).toBe(once.text);
        },
      ),
    );
  });

  it('the caret offset points at a placeholder exactly when one is left', () => {
    fc.assert(
      fc.property(template, variables, (tpl, vars) => {
        const { text, missing } = renderTemplate(tpl, vars);
        const at = firstPlaceholderOffset(text);
        if (missing.length === 0 && parseTemplateVariables(text).length === 0) expect(at).toBe(-1);
        else {
          expect(at).toBeGreaterThanOrEqual(0);
          expect(text.slice(at).startsWith('{{')).toBe(true);
        }
      }),
    );
  });
});
