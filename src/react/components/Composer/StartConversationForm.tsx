import { forwardRef, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Conversation } from '../../../core/types';
import { useStartConversation } from '../../hooks/useStartConversation';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { withStrings } from '../../strings/StringsScope';
import { composer } from '../../strings/en/composer';

/** Props of {@link StartConversationForm}. */
export interface StartConversationFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The listing (subject) to ask about. */
  listingId: string;
  /** Called with the new conversation (it is also selected in the store). */
  onStarted?: (conversation: Conversation) => void;
  /** Visible label of the field. @defaultValue t('startConversationTitle') */
  label?: string;
}

const StartConversationFormInner = forwardRef<HTMLFormElement, StartConversationFormProps>(
  function StartConversationForm({ listingId, onStarted, label, className, ...rest }, ref) {
    const { t, transport, theme, announce } = useMessaging('StartConversationForm');
    const start = useStartConversation();
    const [text, setText] = useState('');
    const [error, setError] = useState<string | null>(null);
    const composing = useRef(false);
    const base = `ik-start${useId().replace(/:/g, '')}`;
    const max = transport.capabilities.maxTextLength;
    if (!transport.capabilities.startConversation) return null;
    const canSend = text.trim().length > 0 && text.length <= max && !start.isPending;

    const submit = () => {
      if (!canSend) return;
      setError(null);
      start.mutate(
        { subjectId: listingId, text: text.trim() },
        {
          onSuccess: ({ conversation }) => {
            setText('');
            onStarted?.(conversation);
          },
          onError: (e) => {
            setError(e.message || t('errorGeneric'));
            announce(t('messageNotSent'), { assertive: true });
          },
        },
      );
    };

    return (
      <form
        ref={ref}
        className={cx('ik-root', 'ik-composer', 'ik-start-conversation', className)}
        data-theme={theme}
        data-slot="start-conversation"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        {...rest}
      >
        <label htmlFor={`${base}-input`} className="ik-start-conversation__label">
          {label ?? t('startConversationTitle')}
        </label>
        <div className="ik-composer__row">
          <textarea
            id={`${base}-input`}
            rows={3}
            className="ik-composer__input"
            value={text}
            aria-describedby={`${base}-hint${error ? ` ${base}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setText(e.target.value)}
            onCompositionStart={() => (composing.current = true)}
            onCompositionEnd={() => (composing.current = false)}
            onKeyDown={(e) => {
              if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <button
            type="submit"
            className="ik-button ik-composer__send"
            data-variant="primary"
            disabled={!canSend}
            aria-busy={start.isPending || undefined}
          >
            {t('send')}
          </button>
        </div>
        <span id={`${base}-hint`} className="ik-sr-only">
          {t('composerHint')}
        </span>
        {error ? (
          <p id={`${base}-error`} className="ik-composer__error">
            {error}
          </p>
        ) : null}
      </form>
    );
  },
);

/**
 * Starts a conversation about a listing (marketplace
 * `POST /v1/messages/conversations`). Enter sends, Shift+Enter adds a line.
 * Renders nothing where the backend cannot start conversations.
 */
export const StartConversationForm = withStrings(composer, StartConversationFormInner);
