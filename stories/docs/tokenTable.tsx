/// <reference types="vite/client" />
/**
 * The `--ik-*` design tokens, read from the stylesheet itself so this page
 * can never drift from src/react/styles/tokens.css.
 */
import tokensCss from '../../src/react/styles/tokens.css?raw';

/** One token with its light and dark values and the comment beside it. */
export interface Token {
  name: string;
  light: string;
  dark: string | undefined;
  note: string | undefined;
}

function block(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) return '';
  return css.slice(start, css.indexOf('}', start));
}

function declarations(body: string): Map<string, { value: string; note: string | undefined }> {
  const out = new Map<string, { value: string; note: string | undefined }>();
  for (const m of body.matchAll(/(--ik-[\w-]+)\s*:\s*([^;]+);[ \t]*(?:\/\*\s*(.*?)\s*\*\/)?/g))
    out.set(m[1]!, { value: m[2]!.trim(), note: m[3] });
  return out;
}

/** Every token of `.ik-root`, with its dark-theme value where the dark theme changes it. */
export function readTokens(css: string = tokensCss): Token[] {
  const light = declarations(block(css, '.ik-root'));
  const dark = declarations(block(css, ".ik-root[data-theme='dark']"));
  return [...light].map(([name, { value, note }]) => ({
    name,
    light: value,
    dark: dark.get(name)?.value,
    note,
  }));
}

const isColor = (v: string | undefined) => !!v && /^(#|rgb|hsl|oklch)/.test(v);

function Swatch({ value }: { value: string | undefined }) {
  if (!isColor(value)) return null;
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        marginRight: 6,
        verticalAlign: 'middle',
        borderRadius: 3,
        border: '1px solid #8c959f',
        background: value,
      }}
    />
  );
}

/** The token table for the theming page. */
export function TokenTable() {
  const tokens = readTokens();
  return (
    <table>
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>
        {tokens.length} tokens on <code>.ik-root</code>
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.name}>
            <th scope="row">
              <code>{t.name}</code>
            </th>
            <td>
              <Swatch value={t.light} />
              <code>{t.light}</code>
            </td>
            <td>
              {t.dark ? (
                <>
                  <Swatch value={t.dark} />
                  <code>{t.dark}</code>
                </>
              ) : (
                'same'
              )}
            </td>
            <td>{t.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
