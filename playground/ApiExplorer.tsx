import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { MockIdentity } from '../src/mock/identities';

const PRESETS: Record<MockIdentity['api'], (who: MockIdentity) => string[]> = {
  marketplace: () => [
    '/v1/messages/conversations',
    '/v1/messages/unread',
    '/v1/messages/templates',
    '/api/notifications',
    '/api/notifications/unread-count',
  ],
  shopmonkey: (who) => [`/v3/user/${who.id}/inbox`, '/v3/message', `/v3/user/${who.id}/notification_config`],
};

export interface ApiExplorerProps {
  identities: MockIdentity[];
  who: MockIdentity | undefined;
}

/** The reference server's identities, and GETs against it signed in as the current one. */
export function ApiExplorer({ identities, who }: ApiExplorerProps) {
  const id = useId();
  const presets = who ? PRESETS[who.api](who) : [];
  const [path, setPath] = useState(presets[0] ?? '/__mock/knobs');
  const [result, setResult] = useState<{ status: number; ms: number; body: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (target: string) => {
    setBusy(true);
    const started = performance.now();
    try {
      const res = await fetch(target, { headers: who ? { authorization: `Bearer ${who.token}` } : {} });
      const text = await res.text();
      let body = text;
      try {
        body = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: show as is
      }
      setResult({ status: res.status, ms: Math.round(performance.now() - started), body });
    } catch (error) {
      setResult({ status: 0, ms: Math.round(performance.now() - started), body: String(error) });
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(path);
  };

  return (
    <div className="pg-api">
      <h2 id={`${id}-ids`}>Identities</h2>
      <div className="pg-table-wrap">
        <table aria-labelledby={`${id}-ids`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">API</th>
              <th scope="col">Role</th>
              <th scope="col">User id</th>
              <th scope="col">Token</th>
              <th scope="col">Good for</th>
            </tr>
          </thead>
          <tbody>
            {identities.map((i) => (
              <tr key={i.id} aria-current={i.id === who?.id ? 'true' : undefined}>
                <th scope="row">{i.name}</th>
                <td>{i.api}</td>
                <td>{i.role}</td>
                <td>
                  <code>{i.id}</code>
                </td>
                <td>
                  <code>{i.token}</code>
                </td>
                <td>{i.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id={`${id}-explorer`}>API explorer</h2>
      <form className="pg-explorer" aria-labelledby={`${id}-explorer`} onSubmit={onSubmit}>
        <label htmlFor={`${id}-path`}>GET as {who?.name ?? 'nobody'}</label>
        <div className="pg-row">
          <input
            id={`${id}-path`}
            type="text"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
          />
          <button type="submit" className="pg-button" disabled={busy}>
            Send
          </button>
        </div>
        <div className="pg-presets" role="group" aria-label="Examples">
          {[...presets, '/__mock/knobs', '/__mock/identities'].map((p) => (
            <button
              key={p}
              type="button"
              className="pg-chip"
              onClick={() => {
                setPath(p);
                void run(p);
              }}
            >
              {p}
            </button>
          ))}
        </div>
      </form>
      {result ? (
        <section aria-label="Response" className="pg-response">
          <p>
            <strong>{result.status || 'network error'}</strong> in {result.ms} ms
          </p>
          {/* A scrollable region must take focus, or keyboard users cannot scroll it (axe scrollable-region-focusable). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <pre tabIndex={0}>{result.body}</pre>
        </section>
      ) : null}
    </div>
  );
}
