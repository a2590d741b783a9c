import { forwardRef } from 'react';
import { InboxRoot } from './InboxRoot';
import type { InboxRootProps } from './InboxRoot';
import { InboxSearch } from './InboxSearch';
import { InboxFilters } from './InboxFilters';
import { InboxList } from './InboxList';
import type { InboxListProps } from './InboxList';
import { InboxItem } from './InboxItem';
import { InboxEmpty, InboxError, InboxSkeleton } from './InboxStates';

/** Props of the drop-in {@link Inbox}. */
export interface InboxProps extends Omit<InboxRootProps, 'children'> {
  /** Show the search field. @defaultValue true */
  showSearch?: boolean;
  /** Show the filter radio groups. @defaultValue true */
  showFilters?: boolean;
  /** Passed to `Inbox.List` (e.g. `initialRect`, `estimateRowHeight`). */
  listProps?: InboxListProps;
}

const InboxDropIn = forwardRef<HTMLDivElement, InboxProps>(function Inbox(
  { showSearch = true, showFilters = true, listProps, ...rest },
  ref,
) {
  return (
    <InboxRoot ref={ref} {...rest}>
      {showSearch ? <InboxSearch /> : null}
      {showFilters ? <InboxFilters /> : null}
      <InboxSkeleton />
      <InboxList {...listProps} />
      <InboxEmpty />
      <InboxError />
    </InboxRoot>
  );
});

/**
 * The inbox, ready to drop in: search, filters and the conversation grid with
 * loading, empty and error states. Built from the same public parts
 * (`Inbox.Root`, `Inbox.Search`, `Inbox.Filters`, `Inbox.List`, `Inbox.Item`,
 * `Inbox.Empty`, `Inbox.Error`, `Inbox.Skeleton`) a host can recompose.
 */
export const Inbox = Object.assign(InboxDropIn, {
  Root: InboxRoot,
  Search: InboxSearch,
  Filters: InboxFilters,
  List: InboxList,
  Item: InboxItem,
  Empty: InboxEmpty,
  Error: InboxError,
  Skeleton: InboxSkeleton,
});
