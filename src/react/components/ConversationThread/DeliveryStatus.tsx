import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { ChannelDelivery, Message } from '../../../core/types';
import { formatTime } from '../../../core/dates';
import { useMessaging } from '../../MessagingProvider';
import type { Translate } from '../../strings/format';
import { cx } from '../primitives/cx';

/** A delivery state as shown: a shape and a word, never colour alone. */
type Shown = 'queued' | 'sending' | 'scheduled' | 'sent' | 'delivered' | 'read' | 'failed' | 'unknown';

/**
 * The clock is drawn, not a character: no common UI font has U+1F553, so the
 * first one on a page sent the browser looking through the system's fonts for
 * it (2.5–5 ms of layout on a test machine, more where it loads an emoji
 * font) inside the keystroke that shows the first optimistic message.
 */
const CLOCK = (
  <svg
    width="1em"
    height="1em"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    focusable="false"
    className="ik-delivery__clock"
  >
    <circle cx="8" cy="8" r="6.2" />
    <path d="M8 4.5V8l2.4 1.6" />
  </svg>
);

const ICON: Record<Shown, ReactNode> = {
  queued: CLOCK,
  sending: CLOCK,
  scheduled: CLOCK,
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '!',
  unknown: '?',
};

function channelState(d: ChannelDelivery, avoidQuietHours: boolean | undefined): Shown {
  if (d.status === 'pending') return d.scheduled || avoidQuietHours ? 'scheduled' : 'sending';
  if (d.status === 'error') return 'failed';
  return d.status;
}

function label(t: Translate, s: Shown): string {
  switch (s) {
    case 'sending':
      return t('statusSending');
    case 'scheduled':
      return t('statusScheduled');
    case 'sent':
      return t('statusSent');
    case 'delivered':
      return t('statusDelivered');
    case 'read':
      return t('statusRead');
    case 'failed':
      return t('statusFailed');
    default:
      return t('statusUnknown');
  }
}

/** Props of {@link DeliveryStatus}. */
export interface DeliveryStatusProps extends ComponentPropsWithoutRef<'div'> {
  message: Message;
  /** Name of the reader for "Read by {name} {time}". */
  readerName?: string | undefined;
  /** Show sent/read for a plain (non-channel) message; the thread does so for the newest one only. @defaultValue false */
  showReceipt?: boolean;
}

/**
 * Where an outgoing message is: the client pipeline (sending / not sent), each
 * outbound channel with its readable error (Shopmonkey SMS/email), and the
 * read receipt as text.
 */
export const DeliveryStatus = forwardRef<HTMLDivElement, DeliveryStatusProps>(function DeliveryStatus(
  { message, readerName, showReceipt = false, className, ...rest },
  ref,
) {
  const { t, locale } = useMessaging('ConversationThread.DeliveryStatus');
  const lines: Array<{ key: string; state: Shown; text: string; error?: string | undefined }> = [];
  if (message.status === 'sending') lines.push({ key: 'client', state: 'sending', text: t('statusSending') });
  else if (message.status === 'queued')
    lines.push({
      key: 'client',
      state: 'queued',
      text: t(message.held ? 'statusQueuedHeld' : 'statusQueued'),
    });
  else if (message.status === 'failed')
    lines.push({
      key: 'client',
      // The request may have reached the server: say so rather than "Not sent".
      state: message.outcome === 'unknown' ? 'unknown' : 'failed',
      text: t(message.outcome === 'unknown' ? 'statusMayNotBeSent' : 'statusFailed'),
      error: message.error,
    });
  else {
    const channels = (['sms', 'email'] as const).filter((c) => message.delivery?.[c]);
    for (const c of channels) {
      const d = message.delivery![c]!;
      const state = channelState(d, message.extras?.avoidQuietHours);
      lines.push({
        key: c,
        state,
        text: t('deliveryLine', {
          channel: t(c === 'sms' ? 'channelSms' : 'channelEmail'),
          status: label(t, state),
        }),
        error: state === 'failed' ? d.error : undefined,
      });
    }
    if (channels.length === 0 && showReceipt) {
      if (message.readAt) {
        const time = formatTime(message.readAt, locale);
        lines.push({
          key: 'read',
          state: 'read',
          text: readerName ? t('readBy', { name: readerName, time }) : t('statusRead'),
        });
      } else lines.push({ key: 'sent', state: 'sent', text: t('statusSent') });
    }
  }
  if (lines.length === 0) return null;
  return (
    <div ref={ref} className={cx('ik-delivery', className)} data-slot="delivery-status" {...rest}>
      {lines.map((l) => (
        <p key={l.key} className="ik-delivery__line" data-state={l.state} data-channel={l.key}>
          <span className="ik-delivery__icon" aria-hidden="true">
            {ICON[l.state]}
          </span>{' '}
          <span className="ik-delivery__text">{l.text}</span>
          {l.error ? <span className="ik-delivery__error">{` — ${l.error}`}</span> : null}
        </p>
      ))}
    </div>
  );
});
