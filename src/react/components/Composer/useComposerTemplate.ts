import { useCallback, useState } from 'react';
import type { RefObject } from 'react';
import { firstPlaceholderOffset, parseTemplateVariables, renderTemplate } from '../../../core/templates';
import type { Template } from '../../../core/types';
import type { Announce } from '../../Announcer';
import type { Translate } from '../../strings/format';
import type { ActiveTemplate } from './ComposerContext';

/** Places the caret on the first unfilled placeholder of the inserted text (selecting it, so typing replaces it). */
function placeCaret(el: HTMLTextAreaElement | null, start: number, rendered: string) {
  if (!el) return;
  el.focus();
  const offset = firstPlaceholderOffset(rendered);
  if (offset < 0) {
    const end = start + rendered.length;
    el.setSelectionRange(end, end);
    return;
  }
  const close = rendered.indexOf('}}', offset);
  el.setSelectionRange(start + offset, start + (close < 0 ? offset : close + 2));
}

/**
 * A template inserted into the text stays linked to its variables: editing a
 * variable re-renders its part of the text. Typing in the textarea lets go
 * of the link (the text is then the user's own).
 */
export function useComposerTemplate(opts: {
  /** The draft as it is now (read when used, so the callbacks need not change per keystroke). */
  readText: () => string;
  writeText: (text: string) => void;
  context: Record<string, string>;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  t: Translate;
  announce: Announce;
}) {
  const { readText, writeText, context, inputRef, t, announce } = opts;
  const [active, setActive] = useState<ActiveTemplate | null>(null);

  const insert = useCallback(
    (template: Template, range?: [number, number]) => {
      const el = inputRef.current;
      const text = readText();
      const [from, to] =
        range ??
        (el && el.ownerDocument.activeElement === el
          ? [el.selectionStart, el.selectionEnd]
          : [text.length, text.length]);
      const names = template.variables.length ? template.variables : parseTemplateVariables(template.content);
      const variables: Record<string, string> = {};
      for (const name of names) variables[name] = context[name] ?? '';
      const { text: rendered, missing } = renderTemplate(template.content, variables);
      const before = text.slice(0, from);
      const after = text.slice(to);
      writeText(before + rendered + after);
      setActive(names.length ? { template, variables, start: before.length, rendered, missing } : null);
      // After React has written the value, put the caret on the first placeholder.
      const later =
        typeof requestAnimationFrame === 'function'
          ? requestAnimationFrame
          : (fn: () => void) => setTimeout(fn, 0);
      later(() => placeCaret(inputRef.current, before.length, rendered));
      announce(t('templateInserted'), { delayMs: 250 });
    },
    [inputRef, readText, context, writeText, announce, t],
  );

  const setVariable = useCallback(
    (name: string, value: string) => {
      if (!active) return;
      const text = readText();
      const variables = { ...active.variables, [name]: value };
      const { text: rendered, missing } = renderTemplate(active.template.content, variables);
      const before = text.slice(0, active.start);
      const after = text.slice(active.start + active.rendered.length);
      writeText(before + rendered + after);
      setActive({ ...active, variables, rendered, missing });
    },
    [active, readText, writeText],
  );

  const detach = useCallback(() => setActive(null), []);

  return { active, insert, setVariable, detach };
}
