import { useInboxStoreApi } from '../store/useInboxStoreApi';

/**
 * Sends what the outbox still holds: entries left `sending` by a reload, and
 * retryable failures, once after the store is first used and whenever the
 * browser comes back online. Entries with attachments whose files were lost
 * in a reload stay failed.
 *
 * Every component that uses the store already does this (through
 * `useInboxStoreApi`, once per provider however many are mounted); call it
 * to keep the outbox flushing where no such component is mounted. The send
 * pipeline loads on demand only when the outbox holds something.
 */
export function useOutboxFlush(): void {
  useInboxStoreApi('useOutboxFlush');
}
