import { describe, expect, it } from 'vitest';
import { findSafetyConcerns, paymentPhrasesFor, sharesContactDetails } from './safety';

describe('findSafetyConcerns', () => {
  it.each([
    ['Call me on +31 6 1234 5678', ['phone']],
    ['bel 06-12345678 na zes uur', ['phone']],
    ['(020) 555 0134 44', ['phone']],
    ['mail me: jan.devries@example.org', ['email']],
    ['write to jan at gmail dot com', ['email']],
    ['details on https://cheap-cars.example.ru/offer', ['link']],
    ['see www.other-site.com', ['link']],
    ['I can only pay by Western Union', ['payment']],
    ['send a deposit first and a shipping agent brings it', ['payment']],
  ])('%s → %j', (text, expected) => {
    expect(findSafetyConcerns(text)).toEqual(expected);
  });

  it.each([
    'Is the car still available? I can come at 5.',
    'The price is €62,500 and it has 120000 km, built 2019.',
    'Order #1042 is ready',
    'Thanks! 😀',
  ])('says nothing about an ordinary message: %s', (text) => {
    expect(findSafetyConcerns(text)).toEqual([]);
  });

  it('ignores links to trusted hosts and their subdomains', () => {
    expect(findSafetyConcerns('see https://www.example.com/l/1', { trustedHosts: ['example.com'] })).toEqual(
      [],
    );
  });

  it('matches payment wording of the locale, ignoring case and diacritics', () => {
    expect(
      findSafetyConcerns('Nur Vorkasse per ÜBERWEISUNG', { paymentPhrases: paymentPhrasesFor('de-AT') }),
    ).toEqual(['payment']);
    expect(findSafetyConcerns('Nur Vorkasse', { paymentPhrases: paymentPhrasesFor('en') })).toEqual([]);
    expect(paymentPhrasesFor('xx')).toBe(paymentPhrasesFor('en'));
  });

  it('sharesContactDetails is about phone numbers and e-mail only', () => {
    expect(sharesContactDetails('my number is 0612345678')).toBe(true);
    expect(sharesContactDetails('a@b.nl')).toBe(true);
    expect(sharesContactDetails('see www.example.com, pay by bitcoin')).toBe(false);
  });
});
