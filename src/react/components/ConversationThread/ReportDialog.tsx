import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, RefObject } from 'react';
import type { ReportReason } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import type { StringKey } from '../../strings/en';
import { Dialog } from '../primitives/Dialog';
import { cx } from '../primitives/cx';

const REASONS: Array<[ReportReason, StringKey]> = [
  ['spam', 'reasonSpam'],
  ['fraud', 'reasonFraud'],
  ['harassment', 'reasonHarassment'],
  ['inappropriate', 'reasonInappropriate'],
  ['other', 'reasonOther'],
];

/** Props of {@link ReportDialog}. */
export interface ReportDialogProps extends Omit<
  ComponentPropsWithoutRef<'dialog'>,
  'open' | 'title' | 'onClose' | 'onSubmit' | 'role'
> {
  open: boolean;
  onClose: () => void;
  /** Sends the report; a rejection's `message` is shown in the dialog. */
  onSubmit: (input: { reason: ReportReason; details?: string }) => Promise<unknown>;
  /** Where focus goes on close. @defaultValue the element focused before opening */
  returnFocusRef?: RefObject<HTMLElement | null>;
}

/**
 * Modal report form: a native radio group of reasons (focused first), details
 * required for "Other", the server's message on failure (e.g. already reported).
 */
export const ReportDialog = forwardRef<HTMLDialogElement, ReportDialogProps>(function ReportDialog(
  { open, onClose, onSubmit, returnFocusRef, className, onKeyDown, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.ReportDialog');
  const id = useId();
  const firstRadio = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!open) {
      setReason(null);
      setDetails('');
      setTried(false);
      setServerError(null);
      setPending(false);
    }
  }, [open]);
  const reasonError = tried && !reason ? t('threadReasonRequired') : null;
  const detailsError = tried && reason === 'other' && !details.trim() ? t('reportDetailsRequired') : null;
  const submit = async () => {
    if (pending) return;
    setTried(true);
    setServerError(null);
    if (!reason || (reason === 'other' && !details.trim())) {
      if (!reason) firstRadio.current?.focus();
      else document.getElementById(`${id}-details`)?.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit({ reason, ...(details.trim() ? { details: details.trim() } : {}) });
    } catch (e) {
      setServerError(e instanceof Error && e.message ? e.message : t('errorGeneric'));
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog
      ref={ref}
      open={open}
      onClose={onClose}
      title={t('reportTitle')}
      initialFocusRef={firstRadio}
      {...(returnFocusRef ? { returnFocusRef } : {})}
      className={cx('ik-report-dialog', className)}
      data-slot="report-dialog"
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (!e.defaultPrevented && e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      {...rest}
    >
      <form
        className="ik-report-dialog__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset
          className="ik-report-dialog__reasons"
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        >
          <legend>{t('reportReason')}</legend>
          {REASONS.map(([value, key], i) => (
            <label key={value} className="ik-report-dialog__reason">
              <input
                ref={i === 0 ? firstRadio : undefined}
                type="radio"
                name={`${id}-reason`}
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
              />{' '}
              {t(key)}
            </label>
          ))}
          {reasonError ? (
            <p id={`${id}-reason-error`} className="ik-field-error">
              {reasonError}
            </p>
          ) : null}
        </fieldset>
        <label htmlFor={`${id}-details`} className="ik-report-dialog__details-label">
          {t('reportDetails')}
        </label>
        <textarea
          id={`${id}-details`}
          className="ik-report-dialog__details"
          value={details}
          rows={3}
          required={reason === 'other'}
          aria-invalid={detailsError ? true : undefined}
          aria-describedby={detailsError ? `${id}-details-error` : undefined}
          onChange={(e) => setDetails(e.target.value)}
        />
        {detailsError ? (
          <p id={`${id}-details-error`} className="ik-field-error">
            {detailsError}
          </p>
        ) : null}
        {serverError ? (
          <p role="alert" className="ik-field-error" data-slot="report-error">
            {serverError}
          </p>
        ) : null}
        <div className="ik-dialog__actions">
          <button type="button" className="ik-button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="ik-button"
            data-variant="primary"
            aria-disabled={pending || undefined}
          >
            {t('reportSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
});
