import type { MockIdentity } from '../src/mock/identities';
import { UnreadBadge } from '../src/react/components/UnreadBadge';
import type { TabId } from './settings';

/** A stand-in for the host app's own header, with inbox-kit's badges in it. */
export function HostHeader({
  who,
  badges,
  onNavigate,
}: {
  who: MockIdentity | undefined;
  badges: boolean;
  onNavigate: (tab: TabId) => void;
}) {
  // Badges need the MessagingProvider, which exists once an adapter for this identity does.
  const shop = who?.api === 'shopmonkey';
  return (
    <header className="pg-host">
      <span className="pg-brand" aria-hidden="true">
        {shop ? 'SM' : 'TM'}
      </span>
      <p className="pg-brand-name">{shop ? 'Shopmonkey (host demo)' : 'TruckMarket (host demo)'}</p>
      <nav aria-label="Host app">
        <ul>
          <li>
            <button
              type="button"
              className="pg-nav"
              onClick={() => onNavigate('inbox')}
              data-testid="host-messages"
            >
              Messages{badges ? <UnreadBadge className="pg-badge" /> : null}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="pg-nav"
              onClick={() => onNavigate('notifications')}
              data-testid="host-notifications"
            >
              Notifications{badges ? <UnreadBadge kind="notifications" className="pg-badge" /> : null}
            </button>
          </li>
        </ul>
      </nav>
      <p className="pg-user">{who ? `${who.name} · ${who.api} ${who.role}` : 'Starting…'}</p>
    </header>
  );
}
