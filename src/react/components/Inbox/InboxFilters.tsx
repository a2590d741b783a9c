import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { InboxFilter } from '../../../transports/types';
import type { StringKey } from '../../strings/en';
import { useMessaging } from '../../MessagingProvider';
import { useInboxStoreApi } from '../../store/useInboxStoreApi';
import { useInboxStoreShallow } from '../../hooks/useInboxStore';
import { cx } from '../primitives/cx';
import { useInboxContext } from './InboxContext';

/** Props of {@link InboxFilters}. */
export type InboxFiltersProps = ComponentPropsWithoutRef<'div'>;

const FILTER_KEYS: Record<InboxFilter, StringKey> = {
  all: 'filterAll',
  unread: 'filterUnread',
  read: 'filterRead',
  archived: 'filterArchived',
};
const ROLES = [
  { value: null, key: 'roleAny' },
  { value: 'buyer', key: 'roleBuyer' },
  { value: 'seller', key: 'roleSeller' },
] as const satisfies ReadonlyArray<{ value: 'buyer' | 'seller' | null; key: StringKey }>;

/**
 * Filters as native radio groups (docs/accessibility.md §2): "Show" all/unread/read/archived
 * from the backend's `capabilities.filters`, and "As" buyer/seller where the
 * backend has a role filter.
 */
export const InboxFilters = forwardRef<HTMLDivElement, InboxFiltersProps>(function InboxFilters(
  { className, ...rest },
  ref,
) {
  const { t } = useMessaging('Inbox.Filters');
  const store = useInboxStoreApi('Inbox.Filters');
  const { capabilities, idBase } = useInboxContext('Inbox.Filters');
  const { filter, role } = useInboxStoreShallow((s) => ({ filter: s.filter, role: s.role }));
  const filters: InboxFilter[] = ['all', ...capabilities.filters.filter((f) => f !== 'all')];
  return (
    <div ref={ref} className={cx('ik-inbox-filters', className)} data-slot="inbox-filters" {...rest}>
      {filters.length > 1 ? (
        <fieldset className="ik-inbox-filters__group" data-slot="inbox-filter-show">
          <legend className="ik-inbox-filters__legend">{t('filterLegend')}</legend>
          {filters.map((f) => (
            <label
              key={f}
              className="ik-inbox-filters__option"
              data-state={filter === f ? 'checked' : 'unchecked'}
            >
              <input
                type="radio"
                name={`${idBase}-filter`}
                value={f}
                checked={filter === f}
                onChange={() => store.getState().setFilter(f)}
                className="ik-inbox-filters__radio"
              />
              <span>{t(FILTER_KEYS[f])}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {capabilities.roleFilter ? (
        <fieldset className="ik-inbox-filters__group" data-slot="inbox-filter-role">
          <legend className="ik-inbox-filters__legend">{t('roleLegend')}</legend>
          {ROLES.map((r) => (
            <label
              key={r.key}
              className="ik-inbox-filters__option"
              data-state={role === r.value ? 'checked' : 'unchecked'}
            >
              <input
                type="radio"
                name={`${idBase}-role`}
                value={r.value ?? 'any'}
                checked={role === r.value}
                onChange={() => store.getState().setRole(r.value)}
                className="ik-inbox-filters__radio"
              />
              <span>{t(r.key)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
});
