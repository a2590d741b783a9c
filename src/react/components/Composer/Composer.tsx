import { forwardRef } from 'react';
import { AttachButton } from './AttachButton';
import { AttachmentChips } from './AttachmentChips';
import { ChannelToggles } from './ChannelToggles';
import { ComposerInput } from './ComposerInput';
import { ComposerRoot } from './ComposerRoot';
import type { ComposerRootProps } from './ComposerRoot';
import { ComposerStatus } from './ComposerStatus';
import { CreateTemplateButton } from './CreateTemplateButton';
import { DropZone } from './DropZone';
import { OrderShareButton } from './OrderShareButton';
import { QuickReplies } from './QuickReplies';
import { SendButton } from './SendButton';
import { SuggestedReply } from './SuggestedReply';
import { TemplatePicker } from './TemplatePicker';
import { TemplateVariablesForm } from './TemplateVariablesForm';

/** Props of the drop-in {@link Composer}. */
export interface ComposerProps extends ComposerRootProps {
  /** Quick replies to offer instead of the backend's templates. */
  quickReplies?: string[];
}

/**
 * The drop-in composer, assembled from the public parts: suggested reply,
 * channels, template variables, attachments, the field with its buttons,
 * status line, quick replies and order sharing. Recompose the parts
 * (`Composer.Root`, `Composer.Input`, …) for another layout.
 */
export const Composer = forwardRef<HTMLFormElement, ComposerProps>(function Composer(
  { quickReplies, ...rootProps },
  ref,
) {
  return (
    <ComposerRoot ref={ref} {...rootProps}>
      <DropZone>
        <SuggestedReply />
        <ChannelToggles />
        <TemplateVariablesForm />
        <AttachmentChips />
        <div className="ik-composer__row" data-slot="composer-row">
          <AttachButton />
          <TemplatePicker />
          <ComposerInput />
          <SendButton />
        </div>
        <ComposerStatus />
        <div className="ik-composer__extras" data-slot="composer-extras">
          <QuickReplies {...(quickReplies ? { replies: quickReplies } : {})} />
          <OrderShareButton />
          <CreateTemplateButton />
        </div>
      </DropZone>
    </ComposerRoot>
  );
});
