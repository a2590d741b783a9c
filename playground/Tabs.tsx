import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabsProps<T extends string> {
  label: string;
  tabs: Array<{ id: T; label: ReactNode }>;
  value: T;
  onChange: (value: T) => void;
  children: ReactNode;
}

/** APG tabs with automatic activation: ←/→, Home/End move and select. */
export function Tabs<T extends string>({ label, tabs, value, onChange, children }: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === value);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="pg-tabs">
      {/* Roving tabindex: the selected tab is in the tab order, the tablist itself never takes focus. */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => void (el ? refs.current.set(t.id, el) : refs.current.delete(t.id))}
            type="button"
            role="tab"
            id={`pg-tab-${t.id}`}
            aria-selected={t.id === value}
            aria-controls={`pg-panel-${t.id}`}
            tabIndex={t.id === value ? 0 : -1}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`pg-panel-${value}`} aria-labelledby={`pg-tab-${value}`} className="pg-panel">
        {children}
      </div>
    </div>
  );
}
