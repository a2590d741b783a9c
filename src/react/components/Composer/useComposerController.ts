import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Message } from '../../../core/types';
import { useConversation } from '../../hooks/useConversation';
import { useInboxStore } from '../../hooks/useInboxStore';
import { useMessaging } from '../../MessagingProvider';
import { useInboxStoreApi } from '../../store/useInboxStoreApi';
import type { ComposerContextValue, ComposerTextValue } from './ComposerContext';
import { contextVariables } from './templateUtils';
import { isInQuietHours, useComposerChannels } from './useComposerChannels';
import { useComposerFiles } from './useComposerFiles';
import { useComposerSend } from './useComposerSend';
import { useComposerTemplate } from './useComposerTemplate';
import { useSuggestedReply } from './useSuggestedReply';

/** Options of {@link useComposerController}; the props of `Composer.Root`. */
export interface ComposerControllerOptions {
  conversationId?: string | null;
  quietHours?: readonly [number, number];
  now?: () => Date;
  templates?: boolean;
  onSent?: (message: Message) => void;
}

const DEFAULT_QUIET_HOURS = [21, 8] as const;

/**
 * The composer's state, split in two for rendering: `text` (the draft, what changes per keystroke, read
 * by the field, Send and the status line) and `value` (everything else: channels, files, templates,
 * suggestion and the send actions, which keep their identity while the user types). Each concern lives
 * in its own hook: files, channels, templates, suggestion, and the send pipeline (`useComposerSend`).
 */
export function useComposerController(options: ComposerControllerOptions): {
  value: ComposerContextValue;
  text: ComposerTextValue;
} {
  const { transport, t, announce, currentUser, locale } = useMessaging('Composer.Root');
  const store = useInboxStoreApi('Composer.Root');
  const caps = transport.capabilities;
  const selected = useInboxStore((s) => s.selectedConversationId);
  const conversationId = options.conversationId === undefined ? selected : options.conversationId;
  const { data: conversation } = useConversation(conversationId);
  const text = useInboxStore((s) => (conversationId ? (s.drafts[conversationId] ?? '') : ''));
  const readText = useCallback(
    () => (conversationId ? (store.getState().drafts[conversationId] ?? '') : ''),
    [conversationId, store],
  );
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
  const variables = useMemo(
    () => contextVariables(conversation, currentUser, locale),
    [conversation, currentUser, locale],
  );
  const tpl = useComposerTemplate({ readText, writeText, context: variables, inputRef, t, announce });
  const { offered, dismissedPending } = useSuggestedReply(conversationId, caps.suggestedReplies);
  const [editedSuggestion, setEditedSuggestion] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

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
  const afterClear = useCallback(() => {
    detach();
    setError(null);
    setEditedSuggestion(null);
  }, [detach]);

  const inQuiet = isInQuietHours(
    (options.now ?? (() => new Date()))(),
    options.quietHours ?? DEFAULT_QUIET_HOURS,
  );
  const heldByQuietHours =
    caps.quietHours && ch.mode === 'message' && ch.channels.sms && ch.avoidQuietHours && inQuiet;
  const overLimit = text.length > caps.maxTextLength;
  const hasFiles = files.files.length > 0;
  const canSend = !!conversationId && !overLimit && (text.trim().length > 0 || hasFiles);

  const actions = useComposerSend({
    state: {
      conversationId,
      conversation,
      text,
      canSend,
      mode: ch.mode,
      channels: ch.channels,
      emailSubject: ch.emailSubject,
      avoidQuietHours: ch.avoidQuietHours,
      template: tpl.active,
      offered,
      editedSuggestion,
      dismissedPending,
      inputId: ids.input,
    },
    capabilities: caps,
    store,
    files,
    inputRef,
    afterClear,
    setError,
    onSent: options.onSent,
  });

  const suggestion =
    offered && editedSuggestion !== offered.messageId && ch.mode === 'message' ? offered : null;
  const editSuggestion = useCallback(() => {
    if (!offered) return;
    const current = readText();
    writeText(current.trim() ? `${current}\n${offered.text}` : offered.text);
    detach();
    setEditedSuggestion(offered.messageId);
    focusInput();
  }, [offered, readText, writeText, detach, focusInput]);
  const dismissSuggestion = useCallback(() => {
    if (offered) store.getState().dismissSuggestion(offered.messageId);
    focusInput();
  }, [offered, store, focusInput]);

  const templatesEnabled = caps.templates && options.templates !== false;
  const value = useMemo<ComposerContextValue>(
    () => ({
      conversationId,
      conversation,
      capabilities: caps,
      ids,
      inputRef,
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
      templatesEnabled,
      template: tpl.active,
      insertTemplate: tpl.insert,
      setTemplateVariable: tpl.setVariable,
      detachTemplate: detach,
      suggestion,
      sendSuggestion: actions.sendSuggestion,
      editSuggestion,
      dismissSuggestion,
      error,
      submit: actions.submit,
      sendQuickReply: actions.sendQuickReply,
      shareOrder: actions.shareOrder,
      focusInput,
    }),
    [
      conversationId,
      conversation,
      caps,
      ids,
      ch.mode,
      ch.setMode,
      ch.channels,
      ch.reachable,
      ch.setChannel,
      ch.emailSubject,
      ch.setEmailSubject,
      ch.avoidQuietHours,
      ch.setAvoidQuietHours,
      heldByQuietHours,
      files.files,
      files.uploading,
      files.errors,
      files.add,
      files.remove,
      templatesEnabled,
      tpl.active,
      tpl.insert,
      tpl.setVariable,
      detach,
      suggestion,
      actions,
      editSuggestion,
      dismissSuggestion,
      error,
      focusInput,
    ],
  );
  const textValue = useMemo<ComposerTextValue>(
    () => ({ text, setText, overLimit, canSend }),
    [text, setText, overLimit, canSend],
  );
  return { value, text: textValue };
}
