import { composer } from './en/composer';
import { inbox } from './en/inbox';
import { layout } from './en/layout';
import { badge, notificationSettings, notifications } from './en/notifications';
import { shared } from './en/shared';
import { thread } from './en/thread';

/**
 * Every English string, the default. Placeholders look like `{name}`. Keys
 * ending in `_one`/`_other` are plural forms chosen by `count`.
 *
 * The components do not import this: the provider carries only `shared`, and
 * each component root adds its own area (`./en/*`), so a host bundles the
 * English of the components it renders. This union defines the keys
 * (`StringKey`) that locale bundles translate in full.
 */
export const en = {
  ...shared,
  ...inbox,
  ...thread,
  ...composer,
  ...badge,
  ...notifications,
  ...notificationSettings,
  ...layout,
} as const;

/** The string keys inbox-kit uses. */
export type StringKey = keyof typeof en;
/** A dictionary: every key, as a string. */
export type Strings = Record<StringKey, string>;
