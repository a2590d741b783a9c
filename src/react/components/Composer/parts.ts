import { AttachButton } from './AttachButton';
import { AttachmentChips } from './AttachmentChips';
import { ChannelToggles } from './ChannelToggles';
import { Composer as ComposerDropIn } from './Composer';
import { ComposerInput } from './ComposerInput';
import { ComposerRoot } from './ComposerRoot';
import { ComposerStatus } from './ComposerStatus';
import { CreateTemplateButton } from './CreateTemplateButton';
import { DropZone } from './DropZone';
import { OrderShareButton } from './OrderShareButton';
import { QuickReplies } from './QuickReplies';
import { SendButton } from './SendButton';
import { SuggestedReply } from './SuggestedReply';
import { TemplatePicker } from './TemplatePicker';
import { TemplateVariablesForm } from './TemplateVariablesForm';

/** The drop-in composer, with its parts as `Composer.Root`, `Composer.Input`, … for recomposing. */
export const Composer = Object.assign(ComposerDropIn, {
  Root: ComposerRoot,
  Input: ComposerInput,
  SendButton,
  AttachButton,
  AttachmentChips,
  DropZone,
  TemplatePicker,
  TemplateVariablesForm,
  CreateTemplateButton,
  QuickReplies,
  ChannelToggles,
  SuggestedReply,
  OrderShareButton,
  Status: ComposerStatus,
});
