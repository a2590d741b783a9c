import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { renderTemplate } from '../../../core/templates';
import { useTemplates } from '../../hooks/useTemplates';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';
import { contextVariables } from './templateUtils';

/** Props of {@link QuickReplies}. */
export interface QuickRepliesProps extends ComponentPropsWithoutRef<'div'> {
  /** Replies to offer. @defaultValue the backend's `inquiry` and `other` templates that the conversation can fill completely */
  replies?: string[];
  /** Most replies shown. @defaultValue 4 */
  max?: number;
}

/**
 * One-click replies, each sent at once as a `quick_reply` message. Hidden
 * where the backend has no quick replies, and in internal-note mode.
 */
export const QuickReplies = forwardRef<HTMLDivElement, QuickRepliesProps>(function QuickReplies(
  { replies, max = 4, className, ...rest },
  ref,
) {
  const { t, currentUser, locale } = useMessaging('Composer.QuickReplies');
  const c = useComposerContext('Composer.QuickReplies');
  const fromTemplates = !replies && c.templatesEnabled;
  const { data: templates } = useTemplates();
  const items = useMemo(() => {
    if (replies) return replies;
    if (!fromTemplates || !templates) return [];
    const vars = contextVariables(c.conversation, currentUser, locale);
    return templates
      .filter((tpl) => tpl.category === 'inquiry' || tpl.category === 'other')
      .map((tpl) => renderTemplate(tpl.content, vars))
      .filter((r) => r.missing.length === 0)
      .map((r) => r.text);
  }, [replies, fromTemplates, templates, c.conversation, currentUser, locale]);

  if (!c.capabilities.quickReplies || c.mode === 'note' || !c.conversationId || items.length === 0)
    return null;
  return (
    <div
      ref={ref}
      role="group"
      aria-label={t('quickReplies')}
      className={cx('ik-composer__quick', className)}
      data-slot="quick-replies"
      {...rest}
    >
      {items.slice(0, max).map((text) => (
        <button
          key={text}
          type="button"
          className="ik-button ik-composer__quick-reply"
          onClick={() => c.sendQuickReply(text)}
        >
          {text}
        </button>
      ))}
    </div>
  );
});
