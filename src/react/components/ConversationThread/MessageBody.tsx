import { Fragment, forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { linkify } from './linkify';
import { matchRanges, useSearchHighlight } from './search';

/** Props of {@link MessageBody}. */
export interface MessageBodyProps extends ComponentPropsWithoutRef<'div'> {
  message: Message;
}

/** Splits `text` at the search matches into plain strings and `<mark>`s. */
function highlighted(
  text: string,
  ranges: Array<[number, number]>,
  active: boolean,
  keyBase: string,
): ReactNode {
  if (!ranges.length) return text;
  const out: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) out.push(text.slice(at, start));
    out.push(
      <mark
        key={`${keyBase}-${i}`}
        className="ik-message__match"
        data-active={active && i === 0 ? '' : undefined}
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Props of {@link MessageText}. */
export interface MessageTextProps {
  text: string;
  /** Find in conversation: the folded query to mark, and whether this is the current match. */
  highlight?: { query: string; locale: string; active?: boolean };
}

/** Message text as text nodes, with http(s)/mailto/tel links only. Never HTML. */
export function MessageText({ text, highlight }: MessageTextProps) {
  const parts = useMemo(() => linkify(text), [text]);
  const query = highlight?.query ?? '';
  const locale = highlight?.locale ?? 'en';
  const active = !!highlight?.active;
  return (
    <>
      {parts.map((p, i) => {
        const content = query
          ? highlighted(p.text, matchRanges(p.text, query, locale), active, String(i))
          : p.text;
        return p.type === 'link' ? (
          <a
            key={i}
            href={p.href}
            target={p.href.startsWith('http') ? '_blank' : undefined}
            rel="noopener noreferrer"
            className="ik-message__link"
          >
            {content}
          </a>
        ) : (
          <Fragment key={i}>{content}</Fragment>
        );
      })}
    </>
  );
}

/**
 * The text of a message. A host's `components.MessageBody` renders inside
 * this element, so the article's `aria-describedby` keeps pointing at it.
 */
export const MessageBody = forwardRef<HTMLDivElement, MessageBodyProps>(function MessageBody(
  { message, className, ...rest },
  ref,
) {
  const { components } = useMessaging('ConversationThread.MessageBody');
  const Custom = components.MessageBody;
  const highlight = useSearchHighlight(message);
  return (
    <div
      ref={ref}
      dir="auto"
      className={cx('ik-message__body', className)}
      data-slot="message-body"
      {...rest}
    >
      {Custom ? (
        <Custom message={message} />
      ) : (
        <MessageText text={message.text} {...(highlight.query ? { highlight } : {})} />
      )}
    </div>
  );
});
