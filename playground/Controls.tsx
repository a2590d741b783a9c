import { useId } from 'react';
import type { MockIdentity } from '../src/mock/identities';
import type { PlaygroundKnobs, PlaygroundSettings } from './settings';

const API_LABEL: Record<MockIdentity['api'], string> = {
  marketplace: 'Marketplace',
  shopmonkey: 'Shopmonkey',
};

export interface ControlsProps {
  identities: MockIdentity[];
  settings: PlaygroundSettings;
  knobs: PlaygroundKnobs | undefined;
  onChange: (patch: Partial<PlaygroundSettings>) => void;
  onKnobs: (patch: Partial<PlaygroundKnobs>) => void;
  onReset: () => void;
  resetting: boolean;
}

/** Identity, backend, theme, locale, the simulation knobs and a reset. */
export function Controls({
  identities,
  settings,
  knobs,
  onChange,
  onKnobs,
  onReset,
  resetting,
}: ControlsProps) {
  const id = useId();
  const apis = [...new Set(identities.map((i) => i.api))];
  return (
    <form className="pg-controls" aria-labelledby={`${id}-title`} onSubmit={(e) => e.preventDefault()}>
      <h2 id={`${id}-title`}>Playground</h2>
      <div className="pg-field">
        <label htmlFor={`${id}-as`}>Signed in as</label>
        <select id={`${id}-as`} value={settings.as} onChange={(e) => onChange({ as: e.target.value })}>
          {apis.map((api) => (
            <optgroup key={api} label={API_LABEL[api]}>
              {identities
                .filter((i) => i.api === api)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name} ({API_LABEL[i.api]} {i.role})
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={`${id}-theme`}>Theme</label>
          <select
            id={`${id}-theme`}
            value={settings.theme}
            onChange={(e) => onChange({ theme: e.target.value as PlaygroundSettings['theme'] })}
          >
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <div className="pg-field">
          <label htmlFor={`${id}-locale`}>Language</label>
          <select
            id={`${id}-locale`}
            value={settings.locale}
            onChange={(e) => onChange({ locale: e.target.value as PlaygroundSettings['locale'] })}
          >
            <option value="en">English</option>
            <option value="nl">Nederlands</option>
            <option value="de">Deutsch</option>
          </select>
        </div>
      </div>
      <fieldset className="pg-knobs" disabled={!knobs}>
        <legend>Reference server</legend>
        <div className="pg-row">
          <div className="pg-field">
            <label htmlFor={`${id}-lat-min`}>Latency min (ms)</label>
            <input
              id={`${id}-lat-min`}
              type="number"
              min={0}
              step={50}
              value={knobs?.latencyMs[0] ?? 0}
              onChange={(e) =>
                onKnobs({
                  latencyMs: [
                    Number(e.target.value),
                    Math.max(Number(e.target.value), knobs?.latencyMs[1] ?? 0),
                  ],
                })
              }
            />
          </div>
          <div className="pg-field">
            <label htmlFor={`${id}-lat-max`}>Latency max (ms)</label>
            <input
              id={`${id}-lat-max`}
              type="number"
              min={0}
              step={50}
              value={knobs?.latencyMs[1] ?? 0}
              onChange={(e) =>
                onKnobs({
                  latencyMs: [
                    Math.min(knobs?.latencyMs[0] ?? 0, Number(e.target.value)),
                    Number(e.target.value),
                  ],
                })
              }
            />
          </div>
        </div>
        <div className="pg-field">
          <label htmlFor={`${id}-fail`}>Failure rate: {Math.round((knobs?.failureRate ?? 0) * 100)}%</label>
          <input
            id={`${id}-fail`}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={knobs?.failureRate ?? 0}
            onChange={(e) => onKnobs({ failureRate: Number(e.target.value) })}
          />
        </div>
        <div className="pg-field">
          <label htmlFor={`${id}-rate`}>Rate limit (requests per minute, 0 = off)</label>
          <input
            id={`${id}-rate`}
            type="number"
            min={0}
            step={10}
            value={knobs?.rateLimit ?? 0}
            onChange={(e) => onKnobs({ rateLimit: Number(e.target.value) })}
          />
        </div>
        <div className="pg-check">
          <input
            id={`${id}-reply`}
            type="checkbox"
            checked={knobs?.autoReply ?? false}
            onChange={(e) => onKnobs({ autoReply: e.target.checked })}
          />
          <label htmlFor={`${id}-reply`}>Counterpart auto-reply</label>
        </div>
        <div className="pg-field">
          <label htmlFor={`${id}-reply-delay`}>Auto-reply delay (ms)</label>
          <input
            id={`${id}-reply-delay`}
            type="number"
            min={0}
            step={250}
            value={knobs?.autoReplyDelayMs ?? 0}
            onChange={(e) => onKnobs({ autoReplyDelayMs: Number(e.target.value) })}
          />
        </div>
        <div className="pg-check">
          <input
            id={`${id}-rt`}
            type="checkbox"
            checked={knobs?.realtime ?? false}
            onChange={(e) => onKnobs({ realtime: e.target.checked })}
          />
          <label htmlFor={`${id}-rt`}>Realtime events</label>
        </div>
      </fieldset>
      <button type="button" className="pg-button" onClick={onReset} disabled={resetting}>
        {resetting ? 'Resetting…' : 'Reset data'}
      </button>
      <p className="pg-hint">Reset restores the seed data; knobs, drafts and unsent messages stay.</p>
    </form>
  );
}
