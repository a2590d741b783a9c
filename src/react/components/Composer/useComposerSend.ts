import { useInsertionEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { Conversation, Message } from '../../../core/types';
import type { TransportCapabilities } from '../../../transports/types';
import { newClientId, useSendMessage } from '../../hooks/useSendMessage';
import type { SendInput } from '../../hooks/useSendMessage';
import { useMessaging } from '../../MessagingProvider';
import type { InboxStore } from '../../store/createInboxStore';
import type { ActiveTemplate, ComposerMode, OfferedSuggestion } from './ComposerContext';
import { variableLabel } from './templateUtils';
import type { useComposerFiles } from './useComposerFiles';

/** What the send actions read at the moment they run. */
export interface ComposerSendState {
  conversationId: string | null;
  conversation: Conversation | undefined;
  text: string;
  canSend: boolean;
  mode: ComposerMode;
  channels: { sms: boolean; email: boolean };
  emailSubject: string;
  avoidQuietHours: boolean;
  template: ActiveTemplate | null;
  offered: OfferedSuggestion | null;
  editedSuggestion: string | null;
  dismissedPending: boolean;
  inputId: string;
}

/** Actions that never change identity, so parts that only send do not re-render while the user types. */
export interface ComposerSendActions {
  submit: () => void;
  sendQuickReply: (text: string) => void;
  shareOrder: () => void;
  sendSuggestion: () => void;
}

/**
 * The composer's send pipeline: what goes out (text or template, channels or note, suggested-reply
 * state), clearing the composer, and reporting an upload that failed. The state is read when an action
 * runs, not captured per render, so the actions stay the same object for the composer's life.
 */
export function useComposerSend(opts: {
  state: ComposerSendState;
  capabilities: TransportCapabilities;
  store: InboxStore;
  files: ReturnType<typeof useComposerFiles>;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  afterClear: () => void;
  setError: (error: string | null) => void;
  onSent: ((message: Message) => void) | undefined;
}): ComposerSendActions {
  const { t, announce } = useMessaging('Composer.Root');
  const { send } = useSendMessage(opts.state.conversationId);
  const latest = useRef({ ...opts, send });
  useInsertionEffect(() => {
    latest.current = { ...opts, send };
  });

  return useMemo(() => {
    const delivery = (): Partial<SendInput> => {
      const { state, capabilities: caps } = latest.current;
      // A note goes to colleagues only: never with an SMS or e-mail channel, whatever the toggles say.
      if (state.mode === 'note') return { internal: true, kind: 'note' };
      const out: Partial<SendInput> = {};
      if (caps.deliveryChannels.length) {
        const subject = state.emailSubject.trim();
        out.channels = {
          sms: state.channels.sms,
          email: state.channels.email,
          ...(state.channels.email && subject ? { emailSubject: subject } : {}),
        };
      }
      if (caps.quietHours && state.channels.sms) out.avoidQuietHours = state.avoidQuietHours;
      if (state.offered && state.editedSuggestion === state.offered.messageId)
        out.suggestedReplyState = 'edited';
      else if (state.dismissedPending) out.suggestedReplyState = 'dismissed';
      return out;
    };

    const dispatch = (input: SendInput, clearComposer: boolean) => {
      const { state, store, files, inputRef, afterClear, send: sendMessage } = latest.current;
      const conversationId = state.conversationId;
      if (!conversationId) return;
      const clientId = newClientId();
      const attachments = clearComposer ? files.take(clientId) : [];
      if (clearComposer) {
        store.getState().clearDraft(conversationId);
        afterClear();
      }
      inputRef.current?.focus();
      void sendMessage({ ...input, clientId, ...(attachments.length ? { attachments } : {}) }).then(
        (message) => {
          latest.current.files.settle(clientId);
          if (message) latest.current.onSent?.(message);
          else if (attachments.length) {
            const entry = latest.current.store.getState().outbox.find((e) => e.clientId === clientId);
            if (entry?.status === 'failed')
              announce(t('uploadFailed', { error: entry.error ?? t('errorGeneric') }), {
                assertive: true,
                delayMs: 300,
              });
          }
        },
      );
    };

    return {
      submit: () => {
        const { state, inputRef, setError } = latest.current;
        if (!state.canSend) return;
        const active = state.template;
        if (active && active.missing.length) {
          setError(
            t('templateMissing', { names: active.missing.map((n) => variableLabel(n, t)).join(', ') }),
          );
          inputRef.current?.ownerDocument
            .getElementById(`${state.inputId}-var-${active.missing[0]}`)
            ?.focus();
          return;
        }
        const trimmed = state.text.trim();
        const asTemplate =
          active && trimmed === active.rendered.trim()
            ? { template: { id: active.template.id, variables: active.variables } }
            : {};
        dispatch({ text: trimmed, ...asTemplate, ...delivery() }, true);
      },
      sendQuickReply: (reply) => dispatch({ text: reply, kind: 'quick_reply', ...delivery() }, false),
      shareOrder: () => {
        const subject = latest.current.state.conversation?.subject;
        if (subject?.kind !== 'order') return;
        dispatch(
          {
            text: t('orderShareMessage', { number: subject.number ?? subject.title }),
            orderShare: { orderId: subject.id },
            ...delivery(),
          },
          false,
        );
      },
      sendSuggestion: () => {
        const { offered } = latest.current.state;
        if (offered) dispatch({ text: offered.text, ...delivery(), suggestedReplyState: 'used' }, false);
      },
    };
  }, [announce, t]);
}
