import { createContext, useContext } from 'react';
import type { RefObject } from 'react';
import type { Conversation, Template } from '../../../core/types';
import type { TransportCapabilities } from '../../../transports/types';
import { createStrictContext } from '../../createContext';

/** A file picked for the next message. */
export interface PendingFile {
  id: string;
  file: File;
  /** Object URL for image thumbnails; revoked when the chip goes away. */
  previewUrl?: string;
}

/** A file of a message that is being sent, with upload progress where reported. */
export interface UploadingFile {
  id: string;
  clientId: string;
  name: string;
  /** 0..1, or `null` while the transport reports nothing. */
  progress: number | null;
}

/** A template inserted into the text, still linked to its variables. */
export interface ActiveTemplate {
  template: Template;
  variables: Record<string, string>;
  /** Where the rendered text starts in the textarea. */
  start: number;
  /** The rendered text currently in the textarea. */
  rendered: string;
  /** Variables without a value. */
  missing: string[];
}

/** A suggested reply offered for the customer's latest message. */
export interface OfferedSuggestion {
  messageId: string;
  text: string;
}

/** Whether the message goes to the customer or is an internal note. */
export type ComposerMode = 'message' | 'note';

/** Everything the composer parts share. */
export interface ComposerContextValue {
  conversationId: string | null;
  conversation: Conversation | undefined;
  capabilities: TransportCapabilities;
  /** Stable element ids. */
  ids: {
    input: string;
    hint: string;
    counter: string;
    error: string;
    notice: string;
    popup: string;
    files: string;
  };
  inputRef: RefObject<HTMLTextAreaElement | null>;
  mode: ComposerMode;
  setMode(mode: ComposerMode): void;
  /** Channels as chosen; an unavailable channel is never on. */
  channels: { sms: boolean; email: boolean };
  /** Which channels the customer can be reached on. */
  reachable: { sms: boolean; email: boolean };
  setChannel(channel: 'sms' | 'email', on: boolean): void;
  emailSubject: string;
  setEmailSubject(subject: string): void;
  avoidQuietHours: boolean;
  setAvoidQuietHours(on: boolean): void;
  /** An SMS sent now would wait for the end of quiet hours. */
  heldByQuietHours: boolean;
  files: PendingFile[];
  uploading: UploadingFile[];
  fileErrors: string[];
  addFiles(files: File[]): void;
  removeFile(id: string): void;
  /** Whether the backend takes attachments at all. */
  attachmentsEnabled: boolean;
  /** Whether templates are available (backend has them and the composer shows them). */
  templatesEnabled: boolean;
  template: ActiveTemplate | null;
  /** Inserts a template at the caret (or replacing `range`), filling what the conversation knows. */
  insertTemplate: (template: Template, range?: [number, number]) => void;
  setTemplateVariable: (name: string, value: string) => void;
  detachTemplate: () => void;
  suggestion: OfferedSuggestion | null;
  sendSuggestion: () => void;
  editSuggestion: () => void;
  dismissSuggestion: () => void;
  /** A blocking problem shown next to the send button (e.g. template variables missing). */
  error: string | null;
  /** Sends what is composed; focus stays in (returns to) the textarea. */
  submit(): void;
  /** Sends a quick reply at once. */
  sendQuickReply(text: string): void;
  /** Shares the conversation's current order. */
  shareOrder(): void;
  focusInput(): void;
}

const [ComposerContext, useComposerContext] = createStrictContext<ComposerContextValue>('Composer.Root');
export { ComposerContext, useComposerContext };

/**
 * The draft, apart from {@link ComposerContextValue}: it changes with every keystroke, so only the parts
 * that show it (the field, Send, the status line) read it, and the rest of the composer stays put.
 */
export interface ComposerTextValue {
  text: string;
  /** Sets the text as the user typed it (a linked template is let go). */
  setText(text: string): void;
  overLimit: boolean;
  canSend: boolean;
}

const [ComposerTextContext, useComposerText] = createStrictContext<ComposerTextValue>('Composer.Root');
export { ComposerTextContext, useComposerText };

/** Whether what is composed can be sent: its own context, so Send re-renders only when this flips. */
export const ComposerCanSendContext = createContext(false);

/** Whether what is composed can be sent (text or files, within the limit, in a conversation). */
export function useComposerCanSend(): boolean {
  return useContext(ComposerCanSendContext);
}
