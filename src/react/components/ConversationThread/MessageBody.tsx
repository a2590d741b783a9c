import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { linkify } from './linkify';

/** Props of {@link MessageBody}. */
export interface MessageBodyProps extends ComponentPropsWithoutRef<'div'> {
  message: Message;
}

/** Message text as text nodes, with http(s)/mailto/tel links only. Never HTML. */
export function MessageText({ text }: { text: string }) {
  const parts = useMemo(() => linkify(text), [text]);
  return (
    <>
      {parts.map((p, i) =>
        p.type === 'link' ? (
          <a
            key={i}
            href={p.href}
            target={p.href.startsWith('http') ? '_blank' : undefined}
            rel="noopener noreferrer"
            className="ik-message__link"
          >
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
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
  return (
    <div
      ref={ref}
      dir="auto"
      className={cx('ik-message__body', className)}
      data-slot="message-body"
      {...rest}
    >
      {Custom ? <Custom message={message} /> : <MessageText text={message.text} />}
    </div>
  );
});
