import { isTransportError } from '../../../core/TransportError';
import { forwardRef, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { useInboxStore } from '../../hooks/useInboxStore';
import { cx } from '../primitives/cx';
import { useInboxContext } from './InboxContext';

/** Props of {@link InboxEmpty}. */
export type InboxEmptyProps = ComponentPropsWithoutRef<'p'>;

/**
 * Shown when the list loaded and has no rows: "No conversations yet." or,
 * with a filter or search, "No conversations match." Focusable
 * (`tabindex=-1`) so focus can land here when the last row goes (docs/accessibility.md §2).
 */
export const InboxEmpty = forwardRef<HTMLParagraphElement, InboxEmptyProps>(function InboxEmpty(
  { className, children, ...rest },
  ref,
) {
  const { t } = useMessaging('Inbox.Empty');
  const { query, rows, focusEmptyPendingRef, searchValue } = useInboxContext('Inbox.Empty');
  const filtered = useInboxStore((s) => s.filter !== 'all' || s.role !== null) || !!searchValue.trim();
  const own = useRef<HTMLParagraphElement | null>(null);
  const show = query.isSuccess && rows.length === 0;
  useEffect(() => {
    if (show && focusEmptyPendingRef.current) {
      focusEmptyPendingRef.current = false;
      own.current?.focus();
    }
  }, [show, focusEmptyPendingRef]);
  if (!show) return null;
  return (
    <p
      ref={(node) => {
        own.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      tabIndex={-1}
      className={cx('ik-inbox-empty', className)}
      data-slot="inbox-empty"
      {...rest}
    >
      {children ?? (filtered ? t('emptyFiltered') : t('emptyInbox'))}
    </p>
  );
});

/** Props of {@link InboxError}. */
export type InboxErrorProps = ComponentPropsWithoutRef<'div'>;

/** Shown when the list (or its next page) failed to load, with a Retry button. */
export const InboxError = forwardRef<HTMLDivElement, InboxErrorProps>(function InboxError(
  { className, children, ...rest },
  ref,
) {
  const { t, announce } = useMessaging('Inbox.Error');
  const { query } = useInboxContext('Inbox.Error');
  const show = query.isError;
  // A lost session is not fixed by Retry: say so instead.
  const signedOut = isTransportError(query.error) && query.error.code === 'unauthorized';
  useEffect(() => {
    if (show) announce(signedOut ? t('signedOut') : t('inboxError'), { assertive: true });
  }, [show, signedOut, announce, t]);
  if (!show) return null;
  if (signedOut) {
    return (
      <div
        ref={ref}
        className={cx('ik-inbox-error', className)}
        data-slot="inbox-error"
        data-state="signed-out"
        {...rest}
      >
        <p className="ik-inbox-error__text">{t('signedOut')}</p>
      </div>
    );
  }
  const retry = () => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch());
  return (
    <div ref={ref} className={cx('ik-inbox-error', className)} data-slot="inbox-error" {...rest}>
      <p className="ik-inbox-error__text">{children ?? t('inboxError')}</p>
      <button type="button" className="ik-button" onClick={retry} disabled={query.isFetching}>
        {t('retry')}
      </button>
    </div>
  );
});

/** Props of {@link InboxSkeleton}. */
export interface InboxSkeletonProps extends ComponentPropsWithoutRef<'div'> {
  /** Placeholder rows. @defaultValue 6 */
  rows?: number;
}

/** Placeholder rows while the first page loads. Hidden from assistive tech: the grid says `aria-busy`. */
export const InboxSkeleton = forwardRef<HTMLDivElement, InboxSkeletonProps>(function InboxSkeleton(
  { rows = 6, className, ...rest },
  ref,
) {
  const { query } = useInboxContext('Inbox.Skeleton');
  if (!query.isPending) return null;
  return (
    <div
      ref={ref}
      aria-hidden="true"
      className={cx('ik-inbox-skeleton', className)}
      data-slot="inbox-skeleton"
      {...rest}
    >
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="ik-inbox-skeleton__row">
          <span className="ik-inbox-skeleton__avatar" />
          <span className="ik-inbox-skeleton__lines">
            <span className="ik-inbox-skeleton__line" />
            <span className="ik-inbox-skeleton__line" data-size="short" />
          </span>
        </div>
      ))}
    </div>
  );
});
