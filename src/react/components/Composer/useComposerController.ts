import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Message } from '../../../core/types';
import { useConversation } from '../../hooks/useConversation';
import { useInboxStore } from '../../hooks/useInboxStore';
import { newClientId, useSendMessage } from '../../hooks/useSendMessage';
import type { SendInput } from '../../hooks/useSendMessage';
import { useMessaging } from '../../MessagingProvider';
import { useInboxStoreApi } from '../../store/useInboxStoreApi';
import type { ComposerContextValue } from './ComposerContext';
import { contextVariables, variableLabel } from './templateUtils';
import { isInQuietHours, useComposerChannels } from './useComposerChannels';
import { useComposerFiles } from './useComposerFiles';
import { useComposerTemplate } from './useComposerTemplate';
import { useSuggestedReply } from './useSuggestedReply';
import { useLatest } from '../../hooks/useLatest';

/** Options of {@link useComposerController}; the props of `Composer.Root`. */
export interface ComposerControllerOptions {
  conversationId?: string | null;
  quietHours?: readonly [number, number];
  now?: () => Date;
  templates?: boolean;
  onSent?: (message: Message) => void;
}

const DEFAULT_QUIET_HOURS = [21, 8] as const;

/** The composer's state and actions; the send pipeline itself is `useSendMessage`. */
export function useComposerController(options: ComposerControllerOptions): ComposerContextValue {
  const { transport, t, announce, currentUser, locale } = useMessaging('Composer.Root');
  const store = useInboxStoreApi('Composer.Root');
  const caps = transport.capabilities;
  const selected = useInboxStore((s) => s.selectedConversationId);
  const conversationId = options.conversationId === undefined ? selected : options.conversationId;
  const { data: conversation } = useConversation(conversationId);
  const text = useInboxStore((s) => (conversationId ? (s.drafts[conversationId] ?? '') : ''));
  const writeText = useCallback(
    (value: string) => {
      if (conversationId) store.getState().setDraft(conversationId, value);
    },
    [conversationId, store],
  );
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const base = useId();
  const ids = useMemo(() => {
    const id = (s: string) => `ik-composer${base.replace(/:/g, '')}-${s}`;
    return {
      input: id('input'),
      hint: id('hint'),
      counter: id('counter'),
      error: id('error'),
      notice: id('notice'),
      popup: id('popup'),
      files: id('files'),
    };
  }, [base]);

  const files = useComposerFiles(caps.attachments, t, announce);
  const ch = useComposerChannels(conversationId, conversation, caps);
  const context = useMemo(
    () => contextVariables(conversation, currentUser, locale),
    [conversation, currentUser, locale],
  );
  const tpl = useComposerTemplate({ text, writeText, context, inputRef, t, announce });
  const { offered, dismissedPending } = useSuggestedReply(conversationId, caps.suggestedReplies);
  const [editedSuggestion, setEditedSuggestion] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { send } = useSendMessage(conversationId);
  const onSent = useLatest(options.onSent);

  const { reset: resetFiles } = files;
  const { detach } = tpl;
  useEffect(() => {
    resetFiles();
    detach();
    // A new conversation starts clean; the file and template resets above run here too.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setError(null);
    setEditedSuggestion(null);
  }, [conversationId, resetFiles, detach]);

  const focusInput = useCallback(() => inputRef.current?.focus(), []);
  const setText = useCallback(
    (value: string) => {
      writeText(value);
      detach();
      setError(null);
    },
    [writeText, detach],
  );

  const inQuiet = isInQuietHours(
    (options.now ?? (() => new Date()))(),
    options.quietHours ?? DEFAULT_QUIET_HOURS,
  );
  const heldByQuietHours =
    caps.quietHours && ch.mode === 'message' && ch.channels.sms && ch.avoidQuietHours && inQuiet;
  const overLimit = text.length > caps.maxTextLength;
  const canSend = !!conversationId && !overLimit && (text.trim().length > 0 || files.files.length > 0);

  const delivery = (): Partial<SendInput> => {
    if (ch.mode === 'note') return { internal: true, kind: 'note' };
    const out: Partial<SendInput> = {};
    if (caps.deliveryChannels.length) {
      const subject = ch.emailSubject.trim();
      out.channels = {
        sms: ch.channels.sms,
        email: ch.channels.email,
        ...(ch.channels.email && subject ? { emailSubject: subject } : {}),
      };
    }
    if (caps.quietHours && ch.channels.sms) out.avoidQuietHours = ch.avoidQuietHours;
    if (offered && editedSuggestion === offered.messageId) out.suggestedReplyState = 'edited';
    else if (dismissedPending) out.suggestedReplyState = 'dismissed';
    return out;
  };

  const dispatch = (input: SendInput, clearComposer: boolean) => {
    if (!conversationId) return;
    const clientId = newClientId();
    const attachments = clearComposer ? files.take(clientId) : [];
    if (clearComposer) {
      store.getState().clearDraft(conversationId);
      detach();
      setError(null);
      setEditedSuggestion(null);
    }
    inputRef.current?.focus();
    void send({ ...input, clientId, ...(attachments.length ? { attachments } : {}) }).then((message) => {
      files.settle(clientId);
      if (message) onSent.current?.(message);
      else if (attachments.length) {
        const entry = store.getState().outbox.find((e) => e.clientId === clientId);
        if (entry?.status === 'failed')
          announce(t('uploadFailed', { error: entry.error ?? t('errorGeneric') }), {
            assertive: true,
            delayMs: 300,
          });
      }
    });
  };

  const submit = () => {
    if (!canSend) return;
    const active = tpl.active;
    if (active && active.missing.length) {
      setError(t('templateMissing', { names: active.missing.map((n) => variableLabel(n, t)).join(', ') }));
      inputRef.current?.ownerDocument.getElementById(`${ids.input}-var-${active.missing[0]}`)?.focus();
      return;
    }
    const trimmed = text.trim();
    const asTemplate =
      active && trimmed === active.rendered.trim()
        ? { template: { id: active.template.id, variables: active.variables } }
        : {};
    dispatch({ text: trimmed, ...asTemplate, ...delivery() }, true);
  };

  const subject = conversation?.subject;
  return {
    conversationId,
    conversation,
    capabilities: caps,
    ids,
    inputRef,
    text,
    setText,
    mode: ch.mode,
    setMode: ch.setMode,
    channels: ch.channels,
    reachable: ch.reachable,
    setChannel: ch.setChannel,
    emailSubject: ch.emailSubject,
    setEmailSubject: ch.setEmailSubject,
    avoidQuietHours: ch.avoidQuietHours,
    setAvoidQuietHours: ch.setAvoidQuietHours,
    heldByQuietHours,
    files: files.files,
    uploading: files.uploading,
    fileErrors: files.errors,
    addFiles: files.add,
    removeFile: files.remove,
    attachmentsEnabled: !!caps.attachments,
    templatesEnabled: caps.templates && options.templates !== false,
    template: tpl.active,
    insertTemplate: tpl.insert,
    setTemplateVariable: tpl.setVariable,
    detachTemplate: detach,
    suggestion: offered && editedSuggestion !== offered.messageId && ch.mode === 'message' ? offered : null,
    sendSuggestion: () => {
      if (offered) dispatch({ text: offered.text, ...delivery(), suggestedReplyState: 'used' }, false);
    },
    editSuggestion: () => {
      if (!offered) return;
      writeText(text.trim() ? `${text}\n${offered.text}` : offered.text);
      detach();
      setEditedSuggestion(offered.messageId);
      focusInput();
    },
    dismissSuggestion: () => {
      if (offered) store.getState().dismissSuggestion(offered.messageId);
      focusInput();
    },
    error,
    overLimit,
    canSend,
    submit,
    sendQuickReply: (reply) => dispatch({ text: reply, kind: 'quick_reply', ...delivery() }, false),
    shareOrder: () => {
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
    focusInput,
  };
}
