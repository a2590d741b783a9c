import { forwardRef, useId } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import type { StringKey } from '../../strings/en';
import { cx } from '../primitives/cx';
import { useMessageContext } from './ThreadContext';

const ORIGIN: Record<string, StringKey> = {
  web: 'originWeb',
  mobile: 'originMobile',
  customer_order_page: 'originCustomerOrderPage',
  sms: 'originSms',
  email: 'originEmail',
};

const APPOINTMENT: Record<string, StringKey> = {
  scheduled: 'appointmentScheduled',
  rescheduled: 'appointmentRescheduled',
  reminder: 'appointmentReminder',
  confirm: 'appointmentConfirm',
  confirmed: 'appointmentConfirm',
  canceled: 'appointmentCanceled',
  cancelled: 'appointmentCanceled',
  acknowledgement: 'appointmentAcknowledgement',
};

/** Props of the message detail parts. */
export interface MessageDetailProps extends ComponentPropsWithoutRef<'div'> {
  message: Message;
}

/**
 * Small context hints shown before the body: email subject, origin
 * ("via SMS") and vehicle. Renders nothing when the message has none.
 */
export const MessageHints = forwardRef<HTMLDivElement, MessageDetailProps>(function MessageHints(
  { message, className, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.MessageHints');
  const { subject } = useMessageContext('ConversationThread.MessageHints');
  const x = message.extras;
  const hints: Array<[string, string]> = [];
  if (x?.emailSubject) hints.push(['subject', t('emailSubject', { subject: x.emailSubject })]);
  if (x?.origin) hints.push(['origin', t('origin', { origin: t(ORIGIN[x.origin] ?? 'originWeb') })]);
  // Only a vehicle the conversation can name: a bare id ("Vehicle sm_veh_4") tells a person nothing.
  if (x?.vehicleId && subject?.kind === 'vehicle' && subject.id === x.vehicleId && subject.title) {
    hints.push(['vehicle', subject.title]);
  }
  if (x?.reported) hints.push(['reported', t('reportedLabel')]);
  if (hints.length === 0) return null;
  return (
    <div ref={ref} className={cx('ik-message__hints', className)} data-slot="message-hints" {...rest}>
      {hints.map(([key, text]) => (
        <span key={key} className="ik-message__hint" data-hint={key} dir="auto">
          {text}
        </span>
      ))}
    </div>
  );
});

/** A shared order (Shopmonkey `isOrderShare`) as a card with "Open order". */
export const OrderShareCard = forwardRef<HTMLDivElement, MessageDetailProps>(function OrderShareCard(
  { message, className, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.OrderShareCard');
  const { onOpenOrder } = useMessageContext('ConversationThread.OrderShareCard');
  const id = useId();
  const order = message.extras?.orderShare;
  if (!order) return null;
  return (
    <div ref={ref} className={cx('ik-order-card', className)} data-slot="order-share" {...rest}>
      <span className="ik-order-card__icon" aria-hidden="true">
        ▤
      </span>
      <span className="ik-order-card__text">
        <span id={`${id}-title`} className="ik-order-card__title">
          {t('orderShare', { number: order.orderNumber ?? order.orderId })}
        </span>
        {order.type ? <span className="ik-order-card__type">{order.type}</span> : null}
      </span>
      {onOpenOrder ? (
        <button
          type="button"
          className="ik-button"
          aria-describedby={`${id}-title`}
          onClick={() => onOpenOrder(order, message)}
        >
          {t('openOrder')}
        </button>
      ) : null}
    </div>
  );
});

/** An appointment event (Scheduled, Rescheduled, …) with "Open appointment". */
export const AppointmentEvent = forwardRef<HTMLDivElement, MessageDetailProps>(function AppointmentEvent(
  { message, className, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.AppointmentEvent');
  const { onOpenAppointment } = useMessageContext('ConversationThread.AppointmentEvent');
  const id = useId();
  const appt = message.extras?.appointment;
  if (!appt) return null;
  const key = appt.event ? APPOINTMENT[appt.event.toLowerCase()] : undefined;
  const event = key ? t(key) : (appt.event ?? '');
  return (
    <div
      ref={ref}
      className={cx('ik-appointment', className)}
      data-slot="appointment"
      data-event={appt.event?.toLowerCase()}
      {...rest}
    >
      <span className="ik-appointment__icon" aria-hidden="true">
        ◷
      </span>
      <span className="ik-appointment__text">
        <span id={`${id}-title`} className="ik-appointment__title">
          {t('appointment', { event })}
        </span>
        {appt.confirmationRequested ? (
          <span className="ik-appointment__note">{t('appointmentConfirmationRequested')}</span>
        ) : null}
      </span>
      {onOpenAppointment ? (
        <button
          type="button"
          className="ik-button"
          aria-describedby={`${id}-title`}
          onClick={() => onOpenAppointment(appt, message)}
        >
          {t('openAppointment')}
        </button>
      ) : null}
    </div>
  );
});
