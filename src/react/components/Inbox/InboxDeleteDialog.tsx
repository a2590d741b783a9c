import { useEffect, useMemo, useRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { Dialog } from '../primitives/Dialog';
import { findCell, useInboxContext } from './InboxContext';

/** Props of {@link InboxDeleteDialog}. */
export interface InboxDeleteDialogProps {
  /** The conversation to delete; `null` closes the dialog. */
  conversationId: string | null;
  onCancel: () => void;
  onConfirm: (conversationId: string) => void;
}

/**
 * The delete confirmation: an `alertdialog` saying deletion is permanent,
 * initial focus on Cancel (the least destructive action). Closing returns
 * focus to that row's Delete button, found by id when the dialog closes.
 */
export function InboxDeleteDialog({ conversationId, onCancel, onConfirm }: InboxDeleteDialogProps) {
  const { t } = useMessaging('Inbox.Root');
  const { gridRef, rows } = useInboxContext('Inbox.Root');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const lastId = useRef<string | null>(null);
  useEffect(() => {
    if (conversationId) lastId.current = conversationId;
  }, [conversationId]);
  // Resolved when the dialog closes, so a re-rendered (or re-mounted) row is still found.
  const returnFocusRef = useMemo(
    () => ({
      get current(): HTMLElement | null {
        return lastId.current ? findCell(gridRef.current, lastId.current, 'delete') : null;
      },
    }),
    [gridRef],
  );
  const name = conversationId ? rows.find((r) => r.id === conversationId)?.counterpart.name : undefined;
  return (
    <Dialog
      open={!!conversationId}
      onClose={onCancel}
      role="alertdialog"
      title={t('deleteTitle')}
      description={name ? `${name}. ${t('deleteBody')}` : t('deleteBody')}
      initialFocusRef={cancelRef}
      returnFocusRef={returnFocusRef}
      data-slot="inbox-delete-dialog"
    >
      <div className="ik-dialog__actions">
        <button ref={cancelRef} type="button" className="ik-button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="ik-button"
          data-variant="danger"
          onClick={() => conversationId && onConfirm(conversationId)}
        >
          {t('delete')}
        </button>
      </div>
    </Dialog>
  );
}
