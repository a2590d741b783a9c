export { NotificationList } from './NotificationList';
export type { NotificationListProps } from './NotificationList';
export {
  NotificationListRoot,
  NotificationListHeader,
  NotificationListTitle,
  NotificationListUnreadToggle,
  NotificationListMarkAll,
  NotificationListList,
  NotificationListLoadMore,
  NotificationListEmpty,
  NotificationListError,
} from './NotificationListParts';
export type { NotificationListUnreadToggleProps } from './NotificationListParts';
export { NotificationItem } from './NotificationItem';
export type { NotificationItemProps, NotificationOpenHandler } from './NotificationItem';
export { NotificationBell } from './NotificationBell';
export type { NotificationBellProps } from './NotificationBell';
export { NotificationIcon } from './NotificationIcon';
