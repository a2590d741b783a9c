import { Component, lazy, useState, useSyncExternalStore } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { useMessaging } from '../../MessagingProvider';

type Panes = typeof import('./panes');

let loaded: Panes | undefined;
let loading: Promise<Panes> | undefined;

/**
 * Loads the default thread and composer (once; a failed load can be tried
 * again). InboxLayout's first paint needs only the list, so these stay out
 * of the host's initial bundle.
 */
export function loadPanes(): Promise<Panes> {
  loading ??= import('./panes').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

const LazyThread = lazy(() => loadPanes().then((m) => ({ default: m.ConversationThread })));
const LazyComposer = lazy(() => loadPanes().then((m) => ({ default: m.Composer })));

const noSubscribe = () => () => {};
/** False on the server and while hydrating: lazy parts render only on the client, so server and client markup agree. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

/** `ConversationThread`, loaded on demand; the real component at once when its chunk is already here. */
export function DefaultThread(props: ComponentProps<Panes['ConversationThread']>) {
  // Chosen once per mount: switching component types later would remount the thread.
  const [Thread] = useState(() => loaded?.ConversationThread ?? LazyThread);
  return useHydrated() ? <Thread {...props} /> : null;
}

/** `Composer`, loaded on demand. */
export function DefaultComposer(props: ComponentProps<Panes['Composer']>) {
  const [Composer] = useState(() => loaded?.Composer ?? LazyComposer);
  return useHydrated() ? <Composer {...props} /> : null;
}

/** Shows a short error with Retry when a pane's chunk fails to load (offline, a deploy replaced it), instead of taking the host page down. */
export class PaneLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <PaneLoadError onRetry={() => this.setState({ failed: false })} />
    ) : (
      this.props.children
    );
  }
}

function PaneLoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useMessaging('InboxLayout');
  return (
    <div className="ik-layout__load-error" role="alert" data-slot="inbox-layout-load-error">
      <p>{t('errorGeneric')}</p>
      <button type="button" className="ik-button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
