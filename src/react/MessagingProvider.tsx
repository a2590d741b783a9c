import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import type { StateStorage } from 'zustand/middleware';
import type { Attachment, Message, Participant } from '../core/types';
import type { TransportDiagnostic } from '../transports/diagnostics';
import type { MessagingTransport } from '../transports/types';
import { createStrictContext } from './createContext';
import type { InboxStore } from './store/createInboxStore';
import { createStoreSlot } from './store/storeSlot';
import type { InboxStoreSlot } from './store/storeSlot';
import { shared } from './strings/en/shared';
import type { Strings } from './strings/en';
import type { LocaleBundle } from './strings/locale';
import { createTranslate } from './strings/format';
import type { Translate } from './strings/format';
import { useAnnouncer } from './Announcer';
import type { Announce } from './Announcer';
import { useRealtime } from './hooks/useRealtime';
import { useLatest } from './hooks/useLatest';
import { resolveSafety } from './safety';
import type { ResolvedSafety, SafetyOptions } from './safety';

/** Keeps the cache live (shared subscription, or polling with focus refetch); mounted once per provider. */
function Realtime() {
  useRealtime();
  return null;
}

/** Leaf renderers a host can replace. */
export interface InboxComponents {
  Avatar: ComponentType<{ participant: Participant; size?: 'sm' | 'md' | 'lg'; className?: string }>;
  MessageBody: ComponentType<{ message: Message }>;
  AttachmentPreview: ComponentType<{
    attachment: Attachment;
    index: number;
    total: number;
    onOpen?: () => void;
  }>;
}

/** Everything below a `MessagingProvider` shares this. */
export interface MessagingContextValue {
  transport: MessagingTransport;
  /** Cache scope: backend id + user id. */
  scope: string;
  currentUser: { id: string; name?: string } | undefined;
  /**
   * Where the provider keeps its UI store. The store is created by the first
   * component that uses it; read it with `useInboxStoreApi()`.
   */
  storeSlot: InboxStoreSlot;
  t: Translate;
  /** BCP 47 tag for dates, numbers and plurals (Intl). */
  locale: string;
  components: Partial<InboxComponents>;
  theme: 'light' | 'dark' | 'system';
  announce: Announce;
  /** Polling interval for unread counts and the inbox when there is no realtime. */
  pollIntervalMs: number | false;
  /** Scam-protection notices in effect, or `null` when off. */
  safety: ResolvedSafety | null;
}

const [MessagingContext, useMessagingContext] =
  createStrictContext<MessagingContextValue>('MessagingProvider');
export { MessagingContext };

/** Reads the provider's context. Throws with the caller's name outside a provider. */
export function useMessaging(consumerName = 'useMessaging'): MessagingContextValue {
  return useMessagingContext(consumerName);
}

/** Props of {@link MessagingProvider}. */
export interface MessagingProviderProps {
  /** The backend adapter. */
  transport: MessagingTransport;
  /** The signed-in user; scopes caches and persisted drafts. */
  currentUser?: { id: string; name?: string };
  /** Reuse the host's QueryClient. @defaultValue the nearest `QueryClientProvider`'s, else a private one */
  queryClient?: QueryClient;
  /**
   * A locale bundle (`nlLocale`, `deLocale` from `inbox-kit`, or your own
   * `{ code, strings }`) for translated strings, or a BCP 47 tag alone, which
   * localizes dates, numbers and plurals while strings stay English (give
   * them with `strings`). Only English ships in the provider; import the
   * bundles you use so the others stay out of your bundle.
   * @defaultValue 'en'
   */
  locale?: string | LocaleBundle;
  /** Overrides for individual strings, on top of the locale's. */
  strings?: Partial<Strings>;
  /** Leaf renderers to replace. */
  components?: Partial<InboxComponents>;
  /** @defaultValue 'light' */
  theme?: 'light' | 'dark' | 'system';
  /** Poll interval without realtime; `false` turns polling off. @defaultValue 15000 */
  pollIntervalMs?: number | false;
  /** Where drafts and the outbox persist. @defaultValue localStorage */
  storage?: StateStorage | null;
  /**
   * Hears what the transport did not understand in the server's answers (a dropped field, a skipped
   * row), once per endpoint and path, through `transport.subscribeDiagnostics` where it has one.
   */
  onDiagnostic?: (diagnostic: TransportDiagnostic) => void;
  /**
   * Scam-protection notices: a note under the other party's messages that share contact details, links to
   * other sites or off-platform payment wording, and a one-time warning before the user shares their own
   * phone number or e-mail address. `true`/options turn them on, `false` off.
   * @defaultValue on for the marketplace transport, off otherwise
   */
  safety?: SafetyOptions | boolean;
  children?: ReactNode;
}

/**
 * Provides the transport, strings and the announcer to every inbox-kit
 * component below it, and a place for one UI store per user, which the
 * components that need it create (see `useInboxStoreApi`).
 */
export function MessagingProvider(props: MessagingProviderProps) {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(
    () =>
      props.queryClient ??
      hostClient ??
      new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } } }),
  );
  const client = props.queryClient ?? hostClient ?? ownClient;
  const scope = `${props.transport.id}:${props.currentUser?.id ?? 'anonymous'}`;
  // Hosts often pass `currentUser={{ id, name }}` inline: keep one object per id and name.
  const userId = props.currentUser?.id;
  const userName = props.currentUser?.name;
  const currentUser = useMemo(
    () =>
      userId === undefined
        ? undefined
        : { id: userId, ...(userName !== undefined ? { name: userName } : {}) },
    [userId, userName],
  );
  // Only a slot: the store, its persistence and the outbox flush come with the components that use them
  // (useInboxStoreApi). Storage is read when the store is created, so an inline object does not change the context.
  const [stores] = useState(() => new Map<string, InboxStore>());
  const onDiagnostic = useLatest(props.onDiagnostic);
  const hearsDiagnostics = !!props.onDiagnostic;
  useEffect(() => {
    if (!hearsDiagnostics) return undefined;
    return props.transport.subscribeDiagnostics?.((d) => onDiagnostic.current?.(d));
  }, [props.transport, hearsDiagnostics, onDiagnostic]);
  const storageRef = useLatest(props.storage);
  const storeSlot = useMemo(
    // The slot reads storage when a component first asks for its store, which may be during that render.
    // eslint-disable-next-line react-hooks/refs
    () => createStoreSlot(stores, scope, () => storageRef.current),
    [stores, scope, storageRef],
  );
  const { announce, regions } = useAnnouncer();
  const bundle = typeof props.locale === 'object' ? props.locale : undefined;
  const locale = typeof props.locale === 'object' ? props.locale.code : (props.locale ?? 'en');
  const bundleStrings = bundle?.strings;
  const strings = props.strings;
  // English here is only what the provider needs; each component root adds its area (StringsScope).
  const t = useMemo(
    () => createTranslate([shared], { ...bundleStrings, ...strings }, locale),
    [bundleStrings, locale, strings],
  );
  const safetyOption = props.safety;
  const safety = useMemo(
    () => resolveSafety(safetyOption, props.transport.id, locale),
    [safetyOption, props.transport.id, locale],
  );
  const value = useMemo<MessagingContextValue>(
    () => ({
      transport: props.transport,
      scope,
      currentUser,
      storeSlot,
      t,
      locale,
      components: props.components ?? {},
      theme: props.theme ?? 'light',
      announce,
      pollIntervalMs: props.pollIntervalMs ?? 15_000,
      safety,
    }),
    [
      props.transport,
      scope,
      currentUser,
      storeSlot,
      t,
      locale,
      props.components,
      props.theme,
      announce,
      props.pollIntervalMs,
      safety,
    ],
  );
  const tree = (
    <MessagingContext.Provider value={value}>
      <Realtime />
      {props.children}
      {regions}
    </MessagingContext.Provider>
  );
  return client === hostClient ? tree : <QueryClientProvider client={client}>{tree}</QueryClientProvider>;
}
