import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MockIdentity } from '../src/mock/identities';
import { MessagingProvider } from '../src/react/MessagingProvider';
import { NotificationList } from '../src/react/components/NotificationList';
import { NotificationSettings } from '../src/react/components/NotificationSettings';
import { deLocale } from '../src/react/strings/de';
import { nlLocale } from '../src/react/strings/nl';
import { ApiExplorer } from './ApiExplorer';
import { Controls } from './Controls';
import { HostHeader } from './HostHeader';
import { InboxArea } from './InboxArea';
import { mockApi } from './mockApi';
import { saveSettings } from './settings';
import type { PlaygroundKnobs, PlaygroundSettings, TabId } from './settings';
import { Tabs } from './Tabs';
import { createTransport } from './transports';

const TAB_LABELS: Record<TabId, string> = {
  inbox: 'Inbox',
  notifications: 'Notifications',
  settings: 'Notification settings',
  api: 'Identities & API',
};

/** The playground: a fake host app around inbox-kit, with the reference server's controls beside it. */
export function App({ initial }: { initial: PlaygroundSettings }) {
  const [settings, setSettings] = useState(initial);
  const [identities, setIdentities] = useState<MockIdentity[]>([]);
  const [knobs, setKnobs] = useState<PlaygroundKnobs>();
  const [generation, setGeneration] = useState(0);
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    Promise.all([mockApi.identities(), mockApi.knobs()])
      .then(([ids, k]) => {
        setIdentities(ids);
        setKnobs(k);
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);

  useEffect(() => {
    saveSettings(settings);
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.lang = settings.locale;
  }, [settings]);

  const change = useCallback(
    (patch: Partial<PlaygroundSettings>) => setSettings((s) => ({ ...s, ...patch })),
    [],
  );
  const changeKnobs = useCallback((patch: Partial<PlaygroundKnobs>) => {
    setSettings((s) => ({ ...s, knobs: { ...s.knobs, ...patch } }));
    mockApi
      .patchKnobs(patch)
      .then(setKnobs)
      .catch((e: unknown) => setError(String(e)));
  }, []);
  const reset = useCallback(() => {
    setResetting(true);
    mockApi
      .reset()
      .then(() => setGeneration((g) => g + 1))
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setResetting(false));
  }, []);

  const who = identities.find((i) => i.id === settings.as) ?? identities[0];
  // A new identity or a reset starts from a fresh transport and cache, as a new sign-in would.
  const session = useMemo(() => {
    if (!who) return undefined;
    const transport = createTransport(who);
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });
    return transport ? { transport, queryClient, key: `${who.id}:${generation}` } : undefined;
  }, [who, generation]);

  const tabs = (['inbox', 'notifications', 'settings', 'api'] as TabId[]).map((id) => ({
    id,
    label: TAB_LABELS[id],
  }));
  const panel = (tab: TabId) => {
    if (tab === 'api') return <ApiExplorer identities={identities} who={who} />;
    if (!session)
      return (
        <p className="pg-missing">
          {who
            ? `The ${who.api} adapter is not built yet: only “${TAB_LABELS.api}” works for now.`
            : 'Starting the reference server…'}
        </p>
      );
    if (tab === 'inbox')
      return (
        <InboxArea
          key={session.key}
          value={settings.conversation}
          onValueChange={(conversation) => change({ conversation })}
        />
      );
    return tab === 'notifications' ? <NotificationList /> : <NotificationSettings />;
  };

  const main = (
    <div className="pg-app" data-theme={settings.theme}>
      <HostHeader who={who} badges={session !== undefined} onNavigate={(tab) => change({ tab })} />
      <div className="pg-body">
        <Controls
          identities={identities}
          settings={settings}
          knobs={knobs}
          onChange={(patch) =>
            change(patch.as && patch.as !== settings.as ? { ...patch, conversation: null } : patch)
          }
          onKnobs={changeKnobs}
          onReset={reset}
          resetting={resetting}
        />
        <main className="pg-main">
          {error ? (
            <p role="alert" className="pg-error">
              {error}
            </p>
          ) : null}
          <Tabs label="Playground views" tabs={tabs} value={settings.tab} onChange={(tab) => change({ tab })}>
            {panel(settings.tab)}
          </Tabs>
        </main>
      </div>
    </div>
  );

  if (!session || !who) return main;
  return (
    <MessagingProvider
      key={session.key}
      transport={session.transport}
      currentUser={{ id: who.id, name: who.name }}
      queryClient={session.queryClient}
      theme={settings.theme}
      locale={settings.locale === 'nl' ? nlLocale : settings.locale === 'de' ? deLocale : 'en'}
    >
      <ExposeQueryClient />
      {main}
    </MessagingProvider>
  );
}

/**
 * For the browser console (and the e2e suite's failure reports): the QueryClient the components below
 * the provider really use, set once it is committed (a client made in a render React threw away would mislead).
 */
function ExposeQueryClient() {
  const client = useQueryClient();
  useEffect(() => {
    (window as unknown as { __inboxKitQueryClient?: QueryClient }).__inboxKitQueryClient = client;
  }, [client]);
  return null;
}
