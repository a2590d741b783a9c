import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useAnnouncer } from '../../Announcer';

/** Props of {@link Dialog}. */
export interface DialogProps extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'title' | 'role'> {
  open: boolean;
  onClose: () => void;
  /** Visible title; also the dialog's accessible name. */
  title: ReactNode;
  /** `alertdialog` for confirmations of destructive actions. @defaultValue 'dialog' */
  role?: 'dialog' | 'alertdialog';
  /** Element to focus on open (else the first focusable). */
  initialFocusRef?: React.RefObject<HTMLElement | null>;
  /** Where focus goes on close. @defaultValue the element focused before opening */
  returnFocusRef?: React.RefObject<HTMLElement | null>;
  description?: ReactNode;
  children?: ReactNode;
}

let counter = 0;

/**
 * A modal on native `<dialog>.showModal()`: focus trapped by the browser, Esc
 * closes, focus returns to the trigger. Each dialog has its own announcer
 * outlet, since live regions outside an open modal go unannounced.
 */
export const Dialog = forwardRef<HTMLDialogElement, DialogProps>(function Dialog(
  {
    open,
    onClose,
    title,
    role = 'dialog',
    initialFocusRef,
    returnFocusRef,
    description,
    children,
    className,
    ...rest
  },
  forwardedRef,
) {
  const ref = useRef<HTMLDialogElement>(null);
  useImperativeHandle(forwardedRef, () => ref.current!);
  const idRef = useRef(`ik-dialog-${++counter}`);
  const { regions } = useAnnouncer();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      const previous = el.ownerDocument.activeElement as HTMLElement | null;
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      const target =
        initialFocusRef?.current ??
        el.querySelector<HTMLElement>(
          '[autofocus], button, input, select, textarea, [href], [tabindex]:not([tabindex="-1"])',
        );
      target?.focus();
      return () => {
        if (el.open) {
          if (typeof el.close === 'function') el.close();
          else el.removeAttribute('open');
        }
        // Read at close on purpose: the return target may be a row re-rendered while the dialog was open.
        // eslint-disable-next-line react-hooks/exhaustive-deps
        const back = returnFocusRef?.current ?? previous;
        if (back && back.isConnected) back.focus();
      };
    }
    return undefined;
  }, [open, initialFocusRef, returnFocusRef]);
  if (!open) return null;
  const titleId = `${idRef.current}-title`;
  const descId = description ? `${idRef.current}-desc` : undefined;
  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descId}
      className={['ik-dialog', className].filter(Boolean).join(' ')}
      data-slot="dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      {...rest}
    >
      <h2 id={titleId} className="ik-dialog__title">
        {title}
      </h2>
      {description ? (
        <p id={descId} className="ik-dialog__description">
          {description}
        </p>
      ) : null}
      {children}
      {regions}
    </dialog>
  );
});
