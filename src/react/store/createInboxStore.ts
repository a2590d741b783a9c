import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { StateStorage } from 'zustand/middleware';
import type { InboxFilter, OutgoingFile, SendMessageInput } from '../../transports/types';
import type { ParticipantRole } from '../../core/types';
import type { PersistControl, RemoteChange } from './persistInboxStore';
import { channelName, removeAll, storageKey } from './storageKey';

/** What the outbox keeps of a send: everything needed to send it again after a reload. */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  text: string;
  kind?: SendMessageInput['kind'];
  template?: SendMessageInput['template'];
  channels?: SendMessageInput['channels'];
  internal?: boolean;
  suggestedReplyState?: SendMessageInput['suggestedReplyState'];
  avoidQuietHours?: boolean;
  orderShare?: SendMessageInput['orderShare'];
  /** Names of attachments (files themselves cannot be persisted). */
  attachmentNames?: string[];
  /** When it was typed; sends within a conversation go out in this order. */
  createdAt: string;
  /**
   * `queued`: waiting for its turn (an earlier message of the conversation is being sent, or failed);
   * `sending`: an attempt is under way; `failed`: the last attempt failed.
   */
  status: 'queued' | 'sending' | 'failed';
  error?: string;
  /** Whether the failure can be fixed by retrying (network, 5xx, 429). */
  retryable?: boolean;
  /** The failed attempt may have reached the server (see `TransportError.outcome`): "may not have been sent". */
  outcome?: 'unknown';
  /** When the first attempt began; every later attempt is sent with `resend: { since }`. */
  firstAttemptAt?: string;
  /** The tab that sends it (another tab takes over only when this one is gone). */
  owner?: string;
}

/** UI state of one `MessagingProvider`. Server data never lives here. */
export interface InboxState {
  selectedConversationId: string | null;
  filter: InboxFilter;
  role: Extract<ParticipantRole, 'buyer' | 'seller'> | null;
  search: string;
  /** Drafts by conversation id (persisted). */
  drafts: Record<string, string>;
  /** Unsent and failed messages (persisted). */
  outbox: OutboxEntry[];
  /** Files of outbox entries, by clientId (memory only: files cannot be persisted). */
  outboxFiles: Record<string, OutgoingFile[]>;
  /** Ids of messages whose suggested reply the user dismissed (persisted, so it is never offered again). */
  dismissedSuggestions: string[];
  select(id: string | null): void;
  setFilter(filter: InboxFilter): void;
  setRole(role: InboxState['role']): void;
  setSearch(search: string): void;
  setDraft(conversationId: string, text: string): void;
  clearDraft(conversationId: string): void;
  upsertOutbox: (entry: OutboxEntry, files?: OutgoingFile[]) => void;
  removeOutbox(clientId: string): void;
  dismissSuggestion(messageId: string): void;
  /** Forgets everything persisted for this user (sign-out). */
  clearPersisted(): void;
}

/** Options for {@link createInboxStore}. */
export interface CreateInboxStoreOptions {
  /** Key that scopes persisted drafts and outbox, e.g. `marketplace:usr_1`. */
  persistKey: string;
  /** Where drafts and outbox persist. @defaultValue `localStorage` when available */
  storage?: StateStorage | null;
}

const memoryStorage = (): StateStorage => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
};

function defaultStorage(): StateStorage {
  try {
    if (typeof window !== 'undefined' && window.localStorage) return window.localStorage;
  } catch {
    // storage blocked (privacy mode): fall back to memory
  }
  return memoryStorage();
}

export { storageKey };

/** Drafts, outbox and dismissed suggestions surviving reloads (see `persistInboxStore`). */
export interface InboxStorePersist {
  /** The user's scope the state is persisted under (`CreateInboxStoreOptions.persistKey`). */
  readonly key: string;
  /**
   * Reads the persisted state into the store, then keeps it saved. The first
   * call loads the persistence code and reads storage; later calls return the
   * same promise. `useInboxStoreApi` calls it after mount.
   */
  rehydrate(): Promise<void>;
  /** Whether the persisted state has been read. */
  hasHydrated(): boolean;
  /** Called once the persisted state has been read. Returns an unsubscribe. */
  onFinishHydration(listener: (state: InboxState) => void): () => void;
  /**
   * Writes changes now. They are otherwise written after the next paint, so a
   * keystroke or a send never waits for storage; `useInboxStoreApi` calls this
   * when the page is hidden or unloaded and when its last user unmounts.
   */
  flush(): void;
  /** Reads the outbox entries storage holds now: another tab may have changed them a moment ago. */
  refreshOutbox(): void;
  /** Called when another tab of the same user changed the outbox or signed out. Returns an unsubscribe. */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;
}

/** Creates one store per provider (never a module singleton). */
export function createInboxStore(
  options: CreateInboxStoreOptions,
): StoreApi<InboxState> & { persist: InboxStorePersist } {
  const storage = options.storage ?? defaultStorage();
  const store = createStore<InboxState>()((set) => ({
    selectedConversationId: null,
    filter: 'all',
    role: null,
    search: '',
    drafts: {},
    outbox: [],
    outboxFiles: {},
    dismissedSuggestions: [],
    select: (id) => set({ selectedConversationId: id }),
    setFilter: (filter) => set({ filter }),
    setRole: (role) => set({ role }),
    setSearch: (search) => set({ search }),
    setDraft: (conversationId, text) =>
      set((s) => {
        if (!text) {
          if (!(conversationId in s.drafts)) return s;
          const { [conversationId]: _gone, ...rest } = s.drafts;
          return { drafts: rest };
        }
        return { drafts: { ...s.drafts, [conversationId]: text } };
      }),
    clearDraft: (conversationId) =>
      set((s) => {
        const { [conversationId]: _gone, ...rest } = s.drafts;
        return { drafts: rest };
      }),
    upsertOutbox: (entry, files) =>
      set((s) => {
        const outboxFiles = files ? { ...s.outboxFiles, [entry.clientId]: files } : s.outboxFiles;
        const i = s.outbox.findIndex((e) => e.clientId === entry.clientId);
        if (i < 0) return { outbox: [...s.outbox, entry], outboxFiles };
        const outbox = s.outbox.slice();
        outbox[i] = entry;
        return { outbox, outboxFiles };
      }),
    removeOutbox: (clientId) =>
      set((s) => {
        const { [clientId]: _files, ...outboxFiles } = s.outboxFiles;
        return { outbox: s.outbox.filter((e) => e.clientId !== clientId), outboxFiles };
      }),
    dismissSuggestion: (messageId) =>
      set((s) =>
        s.dismissedSuggestions.includes(messageId)
          ? s
          : { dismissedSuggestions: [...s.dismissedSuggestions.slice(-199), messageId] },
      ),
    clearPersisted: () => {
      set({ drafts: {}, outbox: [], outboxFiles: {}, dismissedSuggestions: [] });
      // The outbox stops sending and drops late answers (it listens as it does for another tab's sign-out).
      for (const l of remote) l({ outbox: [], cleared: true });
      if (control) return control.clear();
      try {
        removeAll(storage, options.persistKey);
        if (typeof BroadcastChannel === 'function') {
          const channel = new BroadcastChannel(channelName(options.persistKey));
          channel.postMessage({ cleared: true });
          channel.close();
        }
      } catch {
        // storage blocked: nothing was persisted
      }
    },
  }));
  let hydrated = false;
  let hydrating: Promise<void> | undefined;
  let control: PersistControl | undefined;
  const listeners = new Set<(state: InboxState) => void>();
  const remote = new Set<(change: RemoteChange) => void>();
  const persist: InboxStorePersist = {
    key: options.persistKey,
    rehydrate: () =>
      (hydrating ??= import('./persistInboxStore')
        .then((m) => m.persistInboxStore(store, storage, options.persistKey))
        .then((c) => {
          control = c;
          c.onRemoteChange((change) => {
            for (const l of remote) l(change);
          });
        })
        .catch(() => undefined) // could not load: the state lives in memory
        .then(() => {
          hydrated = true;
          for (const listener of listeners) listener(store.getState());
        })),
    hasHydrated: () => hydrated,
    onFinishHydration: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    flush: () => control?.flush(),
    refreshOutbox: () => control?.refreshOutbox(),
    onRemoteChange: (listener) => {
      remote.add(listener);
      return () => void remote.delete(listener);
    },
  };
  return Object.assign(store, { persist });
}

/** The store type returned by {@link createInboxStore}. */
export type InboxStore = ReturnType<typeof createInboxStore>;
