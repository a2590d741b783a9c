export { Composer } from './parts';
export type { ComposerProps } from './Composer';
export { ComposerRoot } from './ComposerRoot';
export type { ComposerRootProps } from './ComposerRoot';
export { ComposerInput } from './ComposerInput';
export type { ComposerInputProps } from './ComposerInput';
export { SendButton } from './SendButton';
export type { SendButtonProps } from './SendButton';
export { AttachButton } from './AttachButton';
export type { AttachButtonProps } from './AttachButton';
export { AttachmentChips } from './AttachmentChips';
export type { AttachmentChipsProps } from './AttachmentChips';
export { DropZone } from './DropZone';
export type { DropZoneProps } from './DropZone';
export { TemplatePicker } from './TemplatePicker';
export type { TemplatePickerProps } from './TemplatePicker';
export { TemplateVariablesForm } from './TemplateVariablesForm';
export type { TemplateVariablesFormProps } from './TemplateVariablesForm';
export { CreateTemplateButton } from './CreateTemplateButton';
export type { CreateTemplateButtonProps } from './CreateTemplateButton';
export { CreateTemplateDialog } from './CreateTemplateDialog';
export type { CreateTemplateDialogProps } from './CreateTemplateDialog';
export { QuickReplies } from './QuickReplies';
export type { QuickRepliesProps } from './QuickReplies';
export { ChannelToggles } from './ChannelToggles';
export type { ChannelTogglesProps } from './ChannelToggles';
export { SuggestedReply } from './SuggestedReply';
export type { SuggestedReplyProps } from './SuggestedReply';
export { OrderShareButton } from './OrderShareButton';
export type { OrderShareButtonProps } from './OrderShareButton';
export { ComposerStatus } from './ComposerStatus';
export type { ComposerStatusProps } from './ComposerStatus';
export { StartConversationForm } from './StartConversationForm';
export type { StartConversationFormProps } from './StartConversationForm';
export { useComposerCanSend, useComposerContext, useComposerText } from './ComposerContext';
export type {
  ComposerContextValue,
  ComposerTextValue,
  ComposerMode,
  PendingFile,
  UploadingFile,
  ActiveTemplate,
  OfferedSuggestion,
} from './ComposerContext';
export { validateFiles } from './validateFiles';
export type { FileCheck } from './validateFiles';
export { isInQuietHours } from './useComposerChannels';
