import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';

/** Props of {@link ChannelToggles}. */
export type ChannelTogglesProps = ComponentPropsWithoutRef<'fieldset'>;

/**
 * Shopmonkey "Send as": SMS and email checkboxes (they combine), each
 * `aria-disabled` with the reason when the customer has no phone or email
 * (focus never moves away), the email subject when email is on, the
 * quiet-hours hold for SMS, and the internal-note mode. Hidden where the
 * backend has no delivery channels or notes.
 */
export const ChannelToggles = forwardRef<HTMLFieldSetElement, ChannelTogglesProps>(function ChannelToggles(
  { className, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.ChannelToggles');
  const c = useComposerContext('Composer.ChannelToggles');
  const caps = c.capabilities;
  if (!c.conversationId || (!caps.deliveryChannels.length && !caps.internalNotes)) return null;
  const note = c.mode === 'note';
  const id = (s: string) => `${c.ids.input}-${s}`;
  const channel = (name: 'sms' | 'email') => {
    if (!caps.deliveryChannels.includes(name)) return null;
    const reachable = c.reachable[name];
    const unavailable = !reachable || note;
    const reason = !reachable ? id(`${name}-reason`) : note ? id('note-reason') : undefined;
    return (
      <div className="ik-composer__channel" data-disabled={unavailable ? '' : undefined}>
        <input
          id={id(name)}
          type="checkbox"
          checked={c.channels[name] && !note}
          aria-disabled={unavailable || undefined}
          aria-describedby={reason}
          onChange={(e) => {
            if (!unavailable) c.setChannel(name, e.target.checked);
          }}
        />
        <label htmlFor={id(name)}>{name === 'sms' ? t('channelSms') : t('channelEmail')}</label>
        {!reachable ? (
          <span id={id(`${name}-reason`)} className="ik-composer__channel-reason">
            {name === 'sms' ? t('noPhone') : t('noEmail')}
          </span>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset
      ref={ref}
      className={cx('ik-composer__channels', className)}
      data-slot="composer-channels"
      {...rest}
    >
      <legend className="ik-composer__channels-legend">{t('sendAs')}</legend>
      <div className="ik-composer__channel-list">
        {channel('sms')}
        {channel('email')}
        {caps.internalNotes ? (
          <div className="ik-composer__channel" data-kind="note">
            <input
              id={id('note')}
              type="checkbox"
              checked={note}
              onChange={(e) => c.setMode(e.target.checked ? 'note' : 'message')}
            />
            <label htmlFor={id('note')}>{t('internalMode')}</label>
            {note ? (
              <span id={id('note-reason')} className="ik-sr-only">
                {t('notSentToCustomer')}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      {!note && c.channels.email ? (
        <div className="ik-composer__subject">
          <label htmlFor={id('subject')}>{t('emailSubjectLabel')}</label>
          <input
            id={id('subject')}
            type="text"
            value={c.emailSubject}
            onChange={(e) => c.setEmailSubject(e.target.value)}
          />
        </div>
      ) : null}
      {!note && caps.quietHours && c.channels.sms ? (
        <div className="ik-composer__channel" data-kind="quiet-hours">
          <input
            id={id('quiet')}
            type="checkbox"
            checked={c.avoidQuietHours}
            onChange={(e) => c.setAvoidQuietHours(e.target.checked)}
          />
          <label htmlFor={id('quiet')}>{t('avoidQuietHours')}</label>
        </div>
      ) : null}
    </fieldset>
  );
});
