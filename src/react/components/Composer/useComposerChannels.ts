import { useCallback, useMemo, useState } from 'react';
import type { Conversation } from '../../../core/types';
import type { TransportCapabilities } from '../../../transports/types';
import type { ComposerMode } from './ComposerContext';

/** Whether `now` falls in quiet hours `[start, end)` (local 24h hours; may wrap midnight). */
export function isInQuietHours(now: Date, [start, end]: readonly [number, number]): boolean {
  if (start === end) return false;
  const h = now.getHours();
  return start < end ? h >= start && h < end : h >= start || h < end;
}

interface ChannelState {
  conversationId: string | null;
  /** `undefined` until the user chooses, so the default follows the loaded customer. */
  sms?: boolean;
  email?: boolean;
  subject: string;
  mode: ComposerMode;
}

/**
 * Shopmonkey "Send as": SMS and email (combinable, each only where the
 * customer can be reached), the internal-note mode, the email subject and
 * the quiet-hours hold. Resets to the defaults when the conversation changes.
 */
export function useComposerChannels(
  conversationId: string | null,
  conversation: Conversation | undefined,
  caps: TransportCapabilities,
) {
  const reachSms = caps.deliveryChannels.includes('sms') && conversation?.counterpart.hasPhone !== false;
  const reachEmail = caps.deliveryChannels.includes('email') && conversation?.counterpart.hasEmail !== false;
  // Objects that keep their identity while nothing changes, so the composer's context does too.
  const reachable = useMemo(() => ({ sms: reachSms, email: reachEmail }), [reachSms, reachEmail]);
  const defaults: ChannelState = { conversationId, subject: '', mode: 'message' };
  const [stored, setStored] = useState<ChannelState>(defaults);
  const state = stored.conversationId === conversationId ? stored : defaults;
  const sms = state.sms ?? reachable.sms;
  const email = state.email ?? (!reachable.sms && reachable.email);
  const [avoidQuietHours, setAvoidQuietHours] = useState(true);

  const update = useCallback(
    (patch: Partial<ChannelState>) =>
      setStored((s) => ({
        ...(s.conversationId === conversationId
          ? s
          : { conversationId, subject: '', mode: 'message' as const }),
        ...patch,
      })),
    [conversationId],
  );
  const setChannel = useCallback(
    (channel: 'sms' | 'email', on: boolean) => update({ [channel]: on }),
    [update],
  );
  const setEmailSubject = useCallback((subject: string) => update({ subject }), [update]);
  const setMode = useCallback(
    (mode: ComposerMode) => update({ mode: caps.internalNotes ? mode : 'message' }),
    [update, caps.internalNotes],
  );

  const channelSms = sms && reachSms;
  const channelEmail = email && reachEmail;
  const channels = useMemo(() => ({ sms: channelSms, email: channelEmail }), [channelSms, channelEmail]);

  return {
    reachable,
    channels,
    setChannel,
    emailSubject: state.subject,
    setEmailSubject,
    mode: state.mode,
    setMode,
    avoidQuietHours,
    setAvoidQuietHours,
  };
}
