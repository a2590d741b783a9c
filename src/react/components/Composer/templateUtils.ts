import { safeUrl } from '../../../core/urls';
import { formatMoney } from '../../../core/dates';
import type { Conversation, Template, TemplateCategory } from '../../../core/types';
import type { StringKey } from '../../strings/en';
import type { Translate } from '../../strings/format';

const CATEGORY_KEYS: Record<TemplateCategory, StringKey> = {
  inquiry: 'categoryInquiry',
  offer: 'categoryOffer',
  viewing: 'categoryViewing',
  after_sale: 'categoryAfterSale',
  other: 'categoryOther',
};

/** Template categories in display order. */
export const TEMPLATE_CATEGORIES = Object.keys(CATEGORY_KEYS) as TemplateCategory[];

/** A category's label in the current locale. */
export function categoryLabel(category: TemplateCategory, t: Translate): string {
  return t(CATEGORY_KEYS[category] ?? 'categoryOther');
}

const VARIABLE_KEYS: Record<string, StringKey> = {
  vehicle_title: 'varVehicleTitle',
  price: 'varPrice',
  buyer_name: 'varBuyerName',
  seller_name: 'varSellerName',
  listing_url: 'varListingUrl',
};

/** A readable label for a template variable (`delivery_date` → "delivery date"). */
export function variableLabel(name: string, t: Translate): string {
  const key = VARIABLE_KEYS[name];
  return key ? t(key) : name.replace(/_/g, ' ');
}

/**
 * What the conversation already tells about the template's context
 * variables: the subject's title, price and link, and who is buyer and seller.
 */
export function contextVariables(
  conversation: Conversation | undefined,
  me: { id: string; name?: string } | undefined,
  locale: string,
): Record<string, string> {
  const vars: Record<string, string> = {};
  if (!conversation) return vars;
  const subject = conversation.subject;
  if (subject?.title) vars.vehicle_title = subject.title;
  if (subject?.price) vars.price = formatMoney(subject.price.amount, subject.price.currency, locale);
  const listingUrl = safeUrl(subject?.url, 'link');
  if (listingUrl) vars.listing_url = listingUrl;
  const other = conversation.counterpart;
  const myRole = conversation.myRole ?? (other.role === 'seller' ? 'buyer' : 'seller');
  const myName = me?.name;
  if (myRole === 'buyer') {
    vars.buyer_name = myName ?? '';
    vars.seller_name = other.name;
  } else {
    vars.seller_name = myName ?? '';
    vars.buyer_name = other.name;
  }
  for (const k of Object.keys(vars)) if (!vars[k]) delete vars[k];
  return vars;
}

/** Templates whose name or category (key or localized label) contains `query`. */
export function filterTemplates(templates: Template[], query: string, t: Translate): Template[] {
  const q = query.trim().toLowerCase();
  if (!q) return templates;
  return templates.filter(
    (tpl) =>
      tpl.name.toLowerCase().includes(q) ||
      tpl.category.replace('_', ' ').includes(q) ||
      categoryLabel(tpl.category, t).toLowerCase().includes(q),
  );
}
