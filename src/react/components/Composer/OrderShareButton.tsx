import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';

/** Props of {@link OrderShareButton}. */
export type OrderShareButtonProps = ComponentPropsWithoutRef<'button'>;

/**
 * "Share order #1042": sends the conversation's current order as an
 * order-share message on the chosen channels. Shown only where the backend
 * shares orders and the conversation is about an order.
 */
export const OrderShareButton = forwardRef<HTMLButtonElement, OrderShareButtonProps>(
  function OrderShareButton({ className, onClick, ...rest }, ref) {
    const { t } = useMessaging('Composer.OrderShareButton');
    const c = useComposerContext('Composer.OrderShareButton');
    const subject = c.conversation?.subject;
    if (!c.capabilities.orderShare || subject?.kind !== 'order' || c.mode === 'note') return null;
    return (
      <button
        ref={ref}
        type="button"
        className={cx('ik-button', 'ik-composer__share-order', className)}
        data-slot="order-share"
        onClick={(e) => {
          onClick?.(e);
          if (!e.defaultPrevented) c.shareOrder();
        }}
        {...rest}
      >
        {t('shareOrder', { number: subject.number ?? subject.title })}
      </button>
    );
  },
);
