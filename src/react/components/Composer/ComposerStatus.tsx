import { forwardRef, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useLatest } from '../../hooks/useLatest';
import { useComposerContext, useComposerText } from './ComposerContext';
import { sharesContactDetails } from '../../../core/safety';

/** Users (per transport) already told that sharing contact details is at their own risk, this page load. */
const warnedUsers = new WeakMap<object, Set<string>>();

/**
 * True while the draft shares the user's phone number or e-mail address, until the first such draft of the
 * page load is sent or edited away: the warning is said once, not on every message.
 */
function useContactWarning(text: string, enabled: boolean): boolean {
  const { transport, scope } = useMessaging('Composer.Status');
  let users = warnedUsers.get(transport);
  if (!users) warnedUsers.set(transport, (users = new Set()));
  const show = enabled && !users.has(scope) && sharesContactDetails(text);
  useEffect(() => {
    if (!show) return;
    // Marked when the warning goes away (sent, or the details removed), so it stays up while it applies.
    return () => void warnedUsers.get(transport)?.add(scope);
  }, [show, transport, scope]);
  return show;
}

/** Props of {@link ComposerStatus}. */
export type ComposerStatusProps = ComponentPropsWithoutRef<'div'>;

/**
 * What to know before sending: the character counter (from 90% of the
 * backend's limit), a blocking error, "Not sent to customer" in note mode, and
 * the quiet-hours note. The counter is announced only when it first appears
 * and when the text goes over the limit, never per keystroke.
 */
export const ComposerStatus = forwardRef<HTMLDivElement, ComposerStatusProps>(function ComposerStatus(
  { className, ...rest },
  ref,
) {
  const { t, announce } = useMessaging('Composer.Status');
  const c = useComposerContext('Composer.Status');
  const { text } = useComposerText('Composer.Status');
  const max = c.capabilities.maxTextLength;
  const length = text.length;
  const zone = length > max ? 'over' : length >= max * 0.9 ? 'near' : 'ok';
  const counter =
    zone === 'over' ? t('tooLong', { count: length - max }) : t('charactersLeft', { count: max - length });
  const { safety } = useMessaging('Composer.Status');
  const contactWarning = useContactWarning(text, !!safety?.composerWarning && c.mode !== 'note');
  const lastZone = useRef(zone);
  const latest = useLatest({ announce, counter });
  useEffect(() => {
    // Only zone changes are announced; the count itself is read from the page.
    if (zone !== lastZone.current && zone !== 'ok') latest.current.announce(latest.current.counter);
    lastZone.current = zone;
  }, [zone, latest]);

  if (zone === 'ok' && !c.error && c.mode !== 'note' && !c.heldByQuietHours && !contactWarning) return null;
  return (
    <div ref={ref} className={cx('ik-composer__status', className)} data-slot="composer-status" {...rest}>
      {c.mode === 'note' ? <p className="ik-composer__note-label">{t('notSentToCustomer')}</p> : null}
      {c.heldByQuietHours ? (
        <p id={c.ids.notice} className="ik-composer__quiet">
          {t('quietHoursNow')}
        </p>
      ) : null}
      {contactWarning ? (
        <p className="ik-composer__contact-warning" data-slot="composer-contact-warning" role="status">
          {t('contactWarning')}
        </p>
      ) : null}
      {c.error ? (
        <p id={c.ids.error} className="ik-composer__error">
          {c.error}
        </p>
      ) : null}
      {zone !== 'ok' ? (
        <p id={c.ids.counter} className="ik-composer__counter" data-state={zone}>
          {counter}
        </p>
      ) : null}
    </div>
  );
});
