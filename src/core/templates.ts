/** Template placeholders look like `{{vehicle_title}}`; names match `[a-z_][a-z0-9_]*`. */
const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

/** Context variables the UI fills in from the conversation. */
export const CONTEXT_VARIABLES = [
  'vehicle_title',
  'price',
  'buyer_name',
  'seller_name',
  'listing_url',
] as const;

/** The distinct variable names a template uses, in order of first appearance. */
export function parseTemplateVariables(content: string): string[] {
  const seen = new Set<string>();
  for (const match of content.matchAll(PLACEHOLDER)) seen.add(match[1]!);
  return [...seen];
}

/** The result of rendering: the text, and which variables had no value. */
export interface RenderResult {
  text: string;
  missing: string[];
}

/**
 * Renders a template. Missing (undefined or blank) variables are left as their
 * placeholder and reported by name, so callers can ask for them.
 */
export function renderTemplate(content: string, variables: Record<string, string | undefined>): RenderResult {
  const missing = new Set<string>();
  const text = content.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}

/** Offset of the first unfilled placeholder (for placing the caret), or -1. */
export function firstPlaceholderOffset(text: string): number {
  PLACEHOLDER.lastIndex = 0;
  const match = PLACEHOLDER.exec(text);
  PLACEHOLDER.lastIndex = 0;
  return match ? match.index : -1;
}
