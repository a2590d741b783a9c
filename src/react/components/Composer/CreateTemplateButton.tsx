import { forwardRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';
import { CreateTemplateDialog } from './CreateTemplateDialog';

/** Props of {@link CreateTemplateButton}. */
export type CreateTemplateButtonProps = ComponentPropsWithoutRef<'button'>;

/** "New template": opens {@link CreateTemplateDialog}, starting from the current draft. Hidden where templates cannot be created. */
export const CreateTemplateButton = forwardRef<HTMLButtonElement, CreateTemplateButtonProps>(function CreateTemplateButton(
  { className, onClick, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.CreateTemplateButton');
  const c = useComposerContext('Composer.CreateTemplateButton');
  const [open, setOpen] = useState(false);
  if (!c.templatesEnabled || !c.capabilities.createTemplates) return null;
  return (
    <>
      <button
        ref={ref}
        type="button"
        className={cx('ik-button', 'ik-composer__create-template', className)}
        data-variant="ghost"
        data-slot="create-template"
        onClick={(e) => {
          onClick?.(e);
          if (!e.defaultPrevented) setOpen(true);
        }}
        {...rest}
      >
        {t('templateCreate')}
      </button>
      <CreateTemplateDialog open={open} onClose={() => setOpen(false)} initialContent={c.text} />
    </>
  );
});
