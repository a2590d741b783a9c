import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { ComposerCanSendContext, ComposerContext, ComposerTextContext } from './ComposerContext';
import { useComposerController } from './useComposerController';
import { withStrings } from '../../strings/StringsScope';
import { composer } from '../../strings/en/composer';

/** Props of {@link ComposerRoot}. */
export interface ComposerRootProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The conversation to write in. @defaultValue the selected conversation */
  conversationId?: string | null;
  /** Shop quiet hours for SMS, local 24h hours `[start, end)`. @defaultValue [21, 8] */
  quietHours?: readonly [number, number];
  /** Clock for the quiet-hours note (tests and stories pin it). @defaultValue `() => new Date()` */
  now?: () => Date;
  /** Show the template features (still hidden where the backend has no templates). @defaultValue true */
  templates?: boolean;
  /** Called with the server's message after a send succeeds. */
  onSent?: (message: Message) => void;
}

const ComposerRootInner = forwardRef<HTMLFormElement, ComposerRootProps>(function ComposerRoot(
  { conversationId, quietHours, now, templates, onSent, className, children, ...rest },
  ref,
) {
  const { theme } = useMessaging('Composer.Root');
  const { value, text } = useComposerController({
    ...(conversationId !== undefined ? { conversationId } : {}),
    ...(quietHours ? { quietHours } : {}),
    ...(now ? { now } : {}),
    ...(templates !== undefined ? { templates } : {}),
    ...(onSent ? { onSent } : {}),
  });
  return (
    <ComposerContext.Provider value={value}>
      <ComposerTextContext.Provider value={text}>
        <ComposerCanSendContext.Provider value={text.canSend}>
          <form
            ref={ref}
            className={cx('ik-root', 'ik-composer', className)}
            data-theme={theme}
            data-slot="composer"
            data-mode={value.mode}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              value.submit();
            }}
            {...rest}
          >
            {children}
          </form>
        </ComposerCanSendContext.Provider>
      </ComposerTextContext.Provider>
    </ComposerContext.Provider>
  );
});

/**
 * The composer's `<form>`: owns the draft (per conversation, persisted),
 * picked files, channels and templates, and sends through `useSendMessage`.
 */
export const ComposerRoot = withStrings(composer, ComposerRootInner);
