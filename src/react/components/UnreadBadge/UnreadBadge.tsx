import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useRiseAnnouncement } from './useRiseAnnouncement';
import { useUnreadCount } from './useUnreadCount';
import type { UnreadKind } from './useUnreadCount';
import { withStrings } from '../../strings/StringsScope';
import { badge } from '../../strings/en/notifications';

/** Props of {@link UnreadBadgeRoot}. */
export interface UnreadBadgeRootProps extends ComponentPropsWithoutRef<'span'> {
  /** @defaultValue 'md' */
  size?: 'sm' | 'md' | 'lg';
  /** `dot` shows no digits (the hidden label still gives the count). @defaultValue 'solid' */
  variant?: 'solid' | 'subtle' | 'dot';
}

const UnreadBadgeRootInner = forwardRef<HTMLSpanElement, UnreadBadgeRootProps>(function UnreadBadgeRoot(
  { size = 'md', variant = 'solid', className, ...rest },
  ref,
) {
  const { theme } = useMessaging('UnreadBadge.Root');
  return (
    <span
      ref={ref}
      data-slot="unread-badge"
      data-theme={theme}
      data-size={size}
      data-variant={variant}
      {...rest}
      className={cx('ik-root', 'ik-badge', className)}
    />
  );
});

/** The badge's outer `<span>`: a themed root that works alone anywhere in a host page. */
export const UnreadBadgeRoot = withStrings(badge, UnreadBadgeRootInner);

/** The visible digits ("99+"), hidden from assistive tech: the label carries the exact count. */
export const UnreadBadgeCount = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(
  function UnreadBadgeCount({ className, ...rest }, ref) {
    return (
      <span
        ref={ref}
        aria-hidden="true"
        data-slot="unread-badge-count"
        {...rest}
        className={cx('ik-badge__count', className)}
      />
    );
  },
);

/** The exact count in words for screen readers ("142 unread messages"). */
export const UnreadBadgeLabel = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(
  function UnreadBadgeLabel({ className, ...rest }, ref) {
    return (
      <span ref={ref} data-slot="unread-badge-label" {...rest} className={cx('ik-sr-only', className)} />
    );
  },
);

/** Props of {@link UnreadBadge}. */
export interface UnreadBadgeProps extends Omit<UnreadBadgeRootProps, 'children'> {
  /** What to count. @defaultValue 'messages' */
  kind?: UnreadKind;
  /** Counts above this show as "{max}+". @defaultValue 99 */
  max?: number;
  /** Show the badge at zero. @defaultValue false */
  showZero?: boolean;
  /**
   * Announce rises politely (2 s debounce; drops are silent). Turn it on for
   * one app-level badge only: many live badges would talk over each other.
   * @defaultValue false
   */
  live?: boolean;
  /**
   * Only the visible digits, no hidden label: for a badge inside a control
   * whose name already carries the count (`useUnreadCount().withName`).
   * @defaultValue false
   */
  decorative?: boolean;
}

const UnreadBadgeDropInInner = forwardRef<HTMLSpanElement, UnreadBadgeProps>(function UnreadBadge(
  {
    kind = 'messages',
    max = 99,
    showZero = false,
    live = false,
    decorative = false,
    variant = 'solid',
    ...rest
  },
  ref,
) {
  const unread = useUnreadCount(kind, { max });
  useRiseAnnouncement(unread.count, unread.label, live, unread.ready);
  if (!unread.ready || (unread.count === 0 && !showZero)) return null;
  return (
    <UnreadBadgeRoot
      ref={ref}
      variant={variant}
      data-kind={kind}
      data-state={unread.count > 0 ? 'unread' : 'zero'}
      {...rest}
    >
      <UnreadBadgeCount>{variant === 'dot' ? '' : unread.display}</UnreadBadgeCount>
      {decorative ? null : <UnreadBadgeLabel>{unread.label}</UnreadBadgeLabel>}
    </UnreadBadgeRoot>
  );
});

/**
 * An unread counter from the transport's unread summary. Renders nothing at
 * zero (unless `showZero`). Reads as "142 unread messages" while showing
 * "99+"; never names the `<span>` itself (ARIA prohibits it).
 */
const UnreadBadgeDropIn = withStrings(badge, UnreadBadgeDropInInner);

/** The drop-in badge, with its parts for recomposing: `UnreadBadge.Root`, `.Count`, `.Label`. */
export const UnreadBadge = Object.assign(UnreadBadgeDropIn, {
  Root: UnreadBadgeRoot,
  Count: UnreadBadgeCount,
  Label: UnreadBadgeLabel,
});
