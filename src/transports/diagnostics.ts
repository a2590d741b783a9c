/**
 * What a transport did not understand in a server's answer, or another anomaly it guarded against. Real
 * servers send shapes their documentation does not describe; the adapters degrade only the field or item
 * concerned and report it here, so a developer sees exactly what to fix or to tell the kit about.
 */
export interface TransportDiagnostic {
  /**
   * `decode`: a field did not have the expected shape and was dropped or defaulted; `dropped_item`: a
   * whole list item could not be read and was skipped; `foreign_row`: a row that does not belong to the
   * requested conversation was discarded; `unverified_note`: an internal note came back without proof
   * that it stayed internal; `ignored_filter`: the server ignored a filter or order, applied client-side.
   */
  kind: 'decode' | 'dropped_item' | 'foreign_row' | 'unverified_note' | 'ignored_filter' | 'other';
  /** Method and path template, e.g. `GET /api/messages`. */
  endpoint: string;
  /** JSON path in the answer, e.g. `data[3].listing.images[0]`; empty when it concerns the whole request. */
  path: string;
  /** What the adapter expected, e.g. `string`. */
  expected?: string;
  /** What arrived, e.g. `object` (see {@link describeValue}). */
  received?: string;
  /** One line for a console: `GET /api/messages: data[3].listing.images[0]: expected string, received object`. */
  message: string;
}

/** Collects diagnostics for one transport: reports each kind, endpoint and path once. */
export interface DiagnosticsReporter {
  report(diagnostic: Omit<TransportDiagnostic, 'message'> & { message?: string }): void;
  subscribe(listener: (diagnostic: TransportDiagnostic) => void): () => void;
}

/** `null`, `array`, or the `typeof` of a value: the words diagnostics use for what arrived. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// Typed here rather than through @types/node: the published declarations must not need Node's types.
declare const process: { env: Record<string, string | undefined> };

function isDevelopment(): boolean {
  // Bundlers replace `process.env.NODE_ENV` in production builds; without a bundler there is no `process`
  // in a browser, and a warning about a server's data is more useful than silence.
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

/**
 * Creates the reporter a transport uses. `onDiagnostic` (the transport option) and every subscriber get
 * each diagnostic once per kind + endpoint + path, with list indices normalised, so a page of 25 items
 * with the same odd field reports once rather than 25 times. Development builds also `console.warn` it.
 */
export function createDiagnostics(onDiagnostic?: (d: TransportDiagnostic) => void): DiagnosticsReporter {
  const seen = new Set<string>();
  const listeners = new Set<(d: TransportDiagnostic) => void>();
  if (onDiagnostic) listeners.add(onDiagnostic);
  return {
    report(input) {
      const key = `${input.kind} ${input.endpoint} ${input.path.replace(/\[\d+\]/g, '[]')}`;
      if (seen.has(key)) return;
      seen.add(key);
      const detail =
        input.expected !== undefined || input.received !== undefined
          ? `expected ${input.expected ?? '?'}, received ${input.received ?? '?'}`
          : input.kind.replace('_', ' ');
      const diagnostic: TransportDiagnostic = {
        ...input,
        message: input.message ?? `${input.endpoint}: ${input.path ? `${input.path}: ` : ''}${detail}`,
      };
      if (isDevelopment()) console.warn(`[inbox-kit] ${diagnostic.message}`);
      for (const listener of listeners) {
        try {
          listener(diagnostic);
        } catch {
          // A host's listener must not break decoding of the server's answer.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
