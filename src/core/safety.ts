/**
 * Scam-protection checks for message text, as large classifieds marketplaces run them: contact details
 * and off-platform payment wording are the usual first step of an advance-fee or phishing scam. The
 * checks are deliberately plain (no network, no model) and err on the side of a calm notice.
 */

/** What a safety check found in a text. */
export type SafetyFinding = 'phone' | 'email' | 'link' | 'payment';

/** Options for {@link findSafetyConcerns}. */
export interface SafetyCheckOptions {
  /**
   * Phrases that suggest paying outside the platform, matched ignoring case and diacritics. Give the
   * current locale's (see {@link DEFAULT_PAYMENT_PHRASES}).
   */
  paymentPhrases?: readonly string[];
  /** Hosts whose links are not "external" (your own site), e.g. `['example.com']`; subdomains count. */
  trustedHosts?: readonly string[];
}

/** Off-platform payment wording per language (BCP 47 primary subtag). */
export const DEFAULT_PAYMENT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'western union',
    'moneygram',
    'wire transfer',
    'bank transfer',
    'gift card',
    'paypal friends',
    'friends and family',
    'pay in advance',
    'advance payment',
    'deposit first',
    'shipping agent',
    'escrow service',
    'bitcoin',
    'crypto',
    'whatsapp',
    'telegram',
  ],
  nl: [
    'western union',
    'moneygram',
    'overmaken',
    'vooruitbetalen',
    'vooruitbetaling',
    'aanbetaling',
    'cadeaukaart',
    'tikkie',
    'bitcoin',
    'whatsapp',
    'telegram',
  ],
  de: [
    'western union',
    'moneygram',
    'uberweisung',
    'vorkasse',
    'anzahlung',
    'gutschein',
    'paysafecard',
    'paypal freunde',
    'bitcoin',
    'whatsapp',
    'telegram',
  ],
};

/** The payment phrases for a locale tag such as `nl-BE`, falling back to English. */
export function paymentPhrasesFor(locale: string): readonly string[] {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return DEFAULT_PAYMENT_PHRASES[language] ?? DEFAULT_PAYMENT_PHRASES.en ?? [];
}

/** Lower case without diacritics, so "Überweisung" matches "uberweisung". */
export function foldForMatching(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// "name at gmail dot com": the usual way around a plain e-mail filter.
const SPELLED_EMAIL =
  /\b[\w.+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\sdot\s|\.)\s*[a-z]{2,}\b/i;
// Digits with the separators people type in phone numbers; 8–15 digits in all (E.164 has at most 15).
const PHONE = /(?:\+|\b)\d(?:[\s.\-/()]{0,2}\d){7,14}\b/g;
const LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|me|ly|link|app|shop|site|online|xyz|ru|cn|nl|de|be|co|uk)(?:\/[^\s<>]*)?\b/gi;

function hostOf(link: string): string | undefined {
  try {
    return new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * What in `text` deserves a safety notice: phone numbers, e-mail addresses (also spelled out), links to
 * other sites, and payment wording. Prices, years and mileages are not phone numbers (fewer than 8 digits).
 */
export function findSafetyConcerns(text: string, options: SafetyCheckOptions = {}): SafetyFinding[] {
  const found = new Set<SafetyFinding>();
  if (EMAIL.test(text) || SPELLED_EMAIL.test(text)) found.add('email');
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 8 && digits.length <= 15) {
      found.add('phone');
      break;
    }
  }
  const trusted = (options.trustedHosts ?? []).map((h) => h.toLowerCase());
  for (const match of text.matchAll(LINK)) {
    // An e-mail's domain is not a link.
    const before = text[match.index - 1];
    if (before === '@') continue;
    const host = hostOf(match[0]);
    if (host && !trusted.some((t) => host === t || host.endsWith(`.${t}`))) {
      found.add('link');
      break;
    }
  }
  const folded = foldForMatching(text);
  const phrases = options.paymentPhrases ?? DEFAULT_PAYMENT_PHRASES.en ?? [];
  if (phrases.some((p) => folded.includes(foldForMatching(p)))) found.add('payment');
  return [...found];
}

/** Whether `text` shares the writer's own phone number or e-mail address. */
export function sharesContactDetails(text: string): boolean {
  return findSafetyConcerns(text, { paymentPhrases: [] }).some((f) => f === 'phone' || f === 'email');
}
