import type { MockKnobs } from '../src/mock/knobs';

/** The knobs the playground edits. */
export type PlaygroundKnobs = Pick<
  MockKnobs,
  'latencyMs' | 'failureRate' | 'autoReply' | 'autoReplyDelayMs' | 'realtime' | 'rateLimit'
>;

/** A tab of the main area. */
export type TabId = 'inbox' | 'notifications' | 'settings' | 'api';
export const TABS: TabId[] = ['inbox', 'notifications', 'settings', 'api'];

/** What the playground remembers across reloads (URL first, then localStorage). */
export interface PlaygroundSettings {
  /** Identity id (`usr_buyer_1`) or alias: `buyer`, `seller`, `staff`. */
  as: string;
  theme: 'light' | 'dark';
  locale: 'en' | 'nl' | 'de';
  tab: TabId;
  /** The open conversation (`?c=`), so a reload reopens it. */
  conversation: string | null;
  /** Knobs the user changed; re-applied after a reload (the reference server restarts with the page). */
  knobs: Partial<PlaygroundKnobs>;
}

/** Short names for the three identities the playground is about. */
export const ALIASES: Record<string, string> = {
  buyer: 'usr_buyer_1',
  seller: 'usr_seller_1',
  staff: 'sm_user_1',
};

const KEY = 'inbox-kit-playground';
const DEFAULTS: PlaygroundSettings = {
  as: 'usr_buyer_1',
  theme: 'light',
  locale: 'en',
  tab: 'inbox',
  conversation: null,
  knobs: {},
};

function stored(): Partial<PlaygroundSettings> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PlaygroundSettings>;
  } catch {
    return {};
  }
}

/** Reads the settings: `?as=seller&theme=dark&locale=nl&tab=api&c=<conversation id>` wins over what was stored. */
export function loadSettings(): PlaygroundSettings {
  const url = new URLSearchParams(location.search);
  const merged = { ...DEFAULTS, ...stored() };
  const asParam = url.get('as') ?? merged.as;
  const as = ALIASES[asParam] ?? asParam;
  const theme = url.get('theme') ?? merged.theme;
  const locale = url.get('locale') ?? merged.locale;
  const tab = url.get('tab') ?? merged.tab;
  return {
    as,
    theme: theme === 'dark' ? 'dark' : 'light',
    locale: locale === 'nl' || locale === 'de' ? locale : 'en',
    tab: (TABS as string[]).includes(tab) ? (tab as TabId) : 'inbox',
    conversation: url.has('c') ? url.get('c') || null : merged.as === as ? merged.conversation : null,
    knobs: merged.knobs ?? {},
  };
}

/** Stores the settings and mirrors identity, theme, locale and tab into the URL (shareable, reload-proof). */
export function saveSettings(settings: PlaygroundSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
  const url = new URL(location.href);
  url.searchParams.set('as', settings.as);
  url.searchParams.set('theme', settings.theme);
  url.searchParams.set('locale', settings.locale);
  url.searchParams.set('tab', settings.tab);
  if (settings.conversation) url.searchParams.set('c', settings.conversation);
  else url.searchParams.delete('c');
  history.replaceState(null, '', url);
}
