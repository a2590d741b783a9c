import type { SafetyFinding } from '../core/safety';
import { findSafetyConcerns, paymentPhrasesFor } from '../core/safety';
import type { Message } from '../core/types';

/**
 * Scam-protection notices (`MessagingProvider safety`). On by default for the marketplace transport,
 * where strangers trade; off for others unless given. `false` turns everything off.
 */
export interface SafetyOptions {
  /** A calm notice under the other party's messages that contain contact details, links or payment wording. @defaultValue true */
  notices?: boolean;
  /** Before the user sends their own phone number or e-mail address, say once that it is at their own risk. @defaultValue true */
  composerWarning?: boolean;
  /** Off-platform payment phrases, matched ignoring case and diacritics. @defaultValue the locale's (`DEFAULT_PAYMENT_PHRASES`) */
  paymentPhrases?: readonly string[];
  /** Hosts whose links are your own, e.g. `['example.com']`. @defaultValue the page's host */
  trustedHosts?: readonly string[];
  /** Your own rule instead of the built-in one: what the notice should warn about, or `[]`. */
  check?: (text: string, message?: Message) => SafetyFinding[];
}

/** The safety rules in effect below a provider. */
export interface ResolvedSafety {
  notices: boolean;
  composerWarning: boolean;
  check: (text: string, message?: Message) => SafetyFinding[];
}

/** Resolves the provider's `safety` prop for a transport and locale; `null` when off. */
export function resolveSafety(
  option: SafetyOptions | boolean | undefined,
  transportId: string,
  locale: string,
): ResolvedSafety | null {
  const on = option === undefined ? transportId === 'marketplace' : option !== false;
  if (!on) return null;
  const o = typeof option === 'object' ? option : {};
  const paymentPhrases = o.paymentPhrases ?? paymentPhrasesFor(locale);
  const trustedHosts =
    o.trustedHosts ?? (typeof location !== 'undefined' && location.hostname ? [location.hostname] : []);
  return {
    notices: o.notices ?? true,
    composerWarning: o.composerWarning ?? true,
    check: o.check ?? ((text) => findSafetyConcerns(text, { paymentPhrases, trustedHosts })),
  };
}
