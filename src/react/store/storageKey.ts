/**
 * The persisted-storage key for a user. Its own module so that sign-out can
 * clear storage without bundling the store (and zustand).
 */
export const storageKey = (persistKey: string) => `inbox-kit:${persistKey}`;
