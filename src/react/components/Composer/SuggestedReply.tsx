import { forwardRef, useId } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';

/** Props of {@link SuggestedReply}. */
export type SuggestedReplyProps = ComponentPropsWithoutRef<'section'>;

/**
 * The reply suggested for the customer's latest message: send it as is, edit
 * it in the textarea, or dismiss it. The choice goes back to the server as
 * `suggestedReplyState`, and a used or dismissed suggestion is not offered
 * again. Focus goes to the textarea after each choice.
 */
export const SuggestedReply = forwardRef<HTMLElement, SuggestedReplyProps>(function SuggestedReply(
  { className, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.SuggestedReply');
  const c = useComposerContext('Composer.SuggestedReply');
  const titleId = `ik-suggestion${useId().replace(/:/g, '')}`;
  const s = c.suggestion;
  if (!s) return null;
  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      className={cx('ik-composer__suggestion', className)}
      data-slot="suggested-reply"
      {...rest}
    >
      <h3 id={titleId} className="ik-composer__suggestion-title">
        {t('suggestedReply')}
      </h3>
      <p className="ik-composer__suggestion-text">{s.text}</p>
      <div className="ik-composer__suggestion-actions">
        <button type="button" className="ik-button" data-variant="primary" onClick={c.sendSuggestion}>
          {t('suggestionSend')}
        </button>
        <button type="button" className="ik-button" onClick={c.editSuggestion}>
          {t('suggestionEdit')}
        </button>
        <button type="button" className="ik-button" data-variant="ghost" onClick={c.dismissSuggestion}>
          {t('suggestionDismiss')}
        </button>
      </div>
    </section>
  );
});
