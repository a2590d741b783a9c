import { forwardRef, lazy, Suspense, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';
import { useOpenedOnce } from '../primitives/useOpenedOnce';

// Loaded on the first click: most composers never open it.
const CreateTemplateDialog = lazy(() =>
  import('./CreateTemplateDialog').then((m) => ({ default: m.CreateTemplateDialog })),
);

/** Props of {@link CreateTemplateButton}. */
export type CreateTemplateButtonProps = ComponentPropsWithoutRef<'button'>;

/** "New template": opens {@link CreateTemplateDialog}, starting from the current draft. Hidden where templates cannot be created. */
export const CreateTemplateButton = forwardRef<HTMLButtonElement, CreateTemplateButtonProps>(
  function CreateTemplateButton({ className, onClick, ...rest }, ref) {
    const { t } = useMessaging('Composer.CreateTemplateButton');
    const c = useComposerContext('Composer.CreateTemplateButton');
    const [open, setOpen] = useState(false);
    // The draft when the button was pressed: read then, so typing does not re-render this button.
    const [initialContent, setInitialContent] = useState('');
    const mounted = useOpenedOnce(open);
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
            if (e.defaultPrevented) return;
            setInitialContent(c.inputRef.current?.value ?? '');
            setOpen(true);
          }}
          {...rest}
        >
          {t('templateCreate')}
        </button>
        {mounted ? (
          <Suspense fallback={null}>
            <CreateTemplateDialog
              open={open}
              onClose={() => setOpen(false)}
              initialContent={initialContent}
            />
          </Suspense>
        ) : null}
      </>
    );
  },
);
