import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Template } from '../../../core/types';
import { useTemplates } from '../../hooks/useTemplates';
import { useMessaging } from '../../MessagingProvider';
import { filterTemplates } from './templateUtils';

/** The `/query` token ending at the caret, when `/` is at a line start or after a space. */
export function slashToken(value: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)\/([^\s/]*)$/.exec(value.slice(0, caret));
  return match ? { start: match.index + match[1]!.length, query: match[2]! } : null;
}

/**
 * The template popup opened by typing `/` in the textarea. The textarea keeps
 * focus; arrows move the active option (wrapping), Enter/Tab insert, Esc
 * closes and keeps the text. The active option is only set after the first
 * arrow press and is cleared on typing.
 */
export function useSlashTemplates(opts: {
  enabled: boolean;
  onChoose: (template: Template, range: [number, number]) => void;
}) {
  const { t, announce } = useMessaging('Composer.Input');
  const { data: templates } = useTemplates();
  const [token, setToken] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(-1);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const open = opts.enabled && !!token && !!templates;
  const options = useMemo(
    () => (open && templates ? filterTemplates(templates, token.query, t) : []),
    [open, templates, token, t],
  );

  // The number of matches, read once typing pauses.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(
      () => announce(options.length ? t.plural('templatesFound', options.length) : t('noTemplates')),
      500,
    );
    return () => clearTimeout(timer);
  }, [open, options.length, announce, t]);

  const update = useCallback(
    (value: string, caret: number) => {
      const next = slashToken(value, caret);
      if (!next) setDismissedAt(null);
      setToken(next && next.start !== dismissedAt ? next : null);
      setActive(-1);
    },
    [dismissedAt],
  );

  const close = useCallback(() => {
    setToken(null);
    setActive(-1);
  }, []);

  const choose = useCallback(
    (template: Template) => {
      if (!token) return;
      opts.onChoose(template, [token.start, token.start + 1 + token.query.length]);
      close();
    },
    [token, opts, close],
  );

  /** Handles popup keys; returns true when the key was used. */
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
      if (!open || !token) return false;
      const n = options.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (n) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
        e.preventDefault();
        return true;
      }
      if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        if (n) {
          e.preventDefault();
          choose(options[active >= 0 ? active : 0]!);
          return true;
        }
        close();
        if (e.key === 'Enter') e.preventDefault();
        return e.key === 'Enter';
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissedAt(token.start);
        close();
        return true;
      }
      return false;
    },
    [open, token, options, active, choose, close],
  );

  return { open, options, active, update, close, choose, onKeyDown };
}
