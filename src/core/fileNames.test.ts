import { describe, expect, it } from 'vitest';
import { displayFileName } from './fileNames';

describe('displayFileName', () => {
  it('drops bidi overrides, embeddings, isolates and marks, and keeps the letters of every script', () => {
    expect(displayFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(displayFileName('\u2067report\u2069\u200f.pdf')).toBe('report.pdf');
    expect(displayFileName('\u202bعقد\u202c.pdf')).toBe('عقد.pdf');
    expect(displayFileName('plain name (1).pdf')).toBe('plain name (1).pdf');
  });
});
