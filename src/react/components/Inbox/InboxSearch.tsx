import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useInboxContext } from './InboxContext';

/** Props of {@link InboxSearch}. */
export interface InboxSearchProps extends ComponentPropsWithoutRef<'search'> {
  /** Placeholder of the field. @defaultValue `t('searchPlaceholder')` */
  placeholder?: string;
}

/**
 * Search by counterpart or subject: a `<search>` landmark around a labelled
 * `<input type="search">`. Not a combobox: the results are the list itself.
 * ↓ moves to the first row; Esc clears.
 */
export const InboxSearch = forwardRef<HTMLElement, InboxSearchProps>(function InboxSearch(
  { placeholder, className, ...rest },
  ref,
) {
  const { t } = useMessaging('Inbox.Search');
  const { searchValue, setSearchValue, searchRef, listApi, rows, idBase } = useInboxContext('Inbox.Search');
  const inputId = `${idBase}-search`;
  return (
    // role="search" for browsers that predate <search>.
    <search
      ref={ref}
      role="search"
      className={cx('ik-inbox-search', className)}
      data-slot="inbox-search"
      {...rest}
    >
      <label htmlFor={inputId} className="ik-inbox-search__label ik-sr-only">
        {t('searchLabel')}
      </label>
      <input
        ref={searchRef}
        id={inputId}
        type="search"
        className="ik-inbox-search__input"
        value={searchValue}
        placeholder={placeholder ?? t('searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setSearchValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && rows.length > 0) {
            e.preventDefault();
            listApi.current?.focusIndex(0, 'open');
          } else if (e.key === 'Escape' && searchValue) {
            // Browsers clear type=search on Esc natively; this covers those that don't.
            e.preventDefault();
            setSearchValue('');
          }
        }}
      />
    </search>
  );
});
