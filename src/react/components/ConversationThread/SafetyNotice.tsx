import { useMemo } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';

/**
 * A calm note under a message from the other party that shares contact details, a link to another site,
 * or off-platform payment wording: the usual first step of a marketplace scam. Not an alert (it is part
 * of the message's content, read with it), and never on the user's own messages.
 */
export function SafetyNotice({ message }: { message: Message }) {
  const { t, safety } = useMessaging('ConversationThread.SafetyNotice');
  const check = safety?.notices && message.direction === 'incoming' && !message.deleted ? safety.check : null;
  const findings = useMemo(() => (check ? check(message.text, message) : []), [check, message]);
  if (findings.length === 0) return null;
  const payment = findings.includes('payment');
  return (
    <p className="ik-message__safety" data-slot="message-safety" data-finding={findings.join(' ')}>
      <svg className="ik-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <path
          fill="currentColor"
          d="M8 1 2 3.5V8c0 3.3 2.6 6.2 6 7 3.4-.8 6-3.7 6-7V3.5L8 1Zm-.75 4h1.5v4h-1.5V5Zm0 5h1.5v1.5h-1.5V10Z"
        />
      </svg>
      <span>{payment ? t('safetyNoticePayment') : t('safetyNoticeContact')}</span>
    </p>
  );
}
