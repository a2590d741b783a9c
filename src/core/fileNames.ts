// Explicit bidi controls: embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9).
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name as the kit shows it (and offers it for download): without bidi
 * control characters, so `invoice\u202Efdp.exe` cannot pass itself off as
 * `invoiceexe.pdf`. Components also render it in a `<bdi>`, so a right-to-left
 * name never reorders the text around it (type, size).
 */
export function displayFileName(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}
