import { displayFileName } from '../../../core/fileNames';
import { safeUrl } from '../../../core/urls';
import { forwardRef, useEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { formatFileSize } from '../../../core/dates';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';
import type { PendingFile } from './ComposerContext';

/** Props of {@link AttachmentChips}. */
export type AttachmentChipsProps = ComponentPropsWithoutRef<'div'>;

/** "PDF" from `application/pdf` or `invoice.pdf`. */
function fileType(file: File): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(file.name)?.[1];
  return (ext ?? file.type.split('/')[1] ?? '').toUpperCase();
}

/**
 * Picked files as chips (thumbnails for images, name/type/size for
 * documents) with "Remove …" buttons, uploads in progress, and why a file
 * was refused. After a removal focus goes to the next chip, else the
 * previous one, else the textarea.
 */
export const AttachmentChips = forwardRef<HTMLDivElement, AttachmentChipsProps>(function AttachmentChips(
  { className, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.AttachmentChips');
  const c = useComposerContext('Composer.AttachmentChips');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfter, setFocusAfter] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (focusAfter === undefined) return;
    setFocusAfter(undefined);
    const target = focusAfter ? buttons.current.get(focusAfter) : undefined;
    if (target) target.focus();
    else c.focusInput();
  }, [focusAfter, c]);

  if (!c.attachmentsEnabled || (!c.files.length && !c.uploading.length && !c.fileErrors.length)) return null;

  const remove = (f: PendingFile, index: number) => {
    const next = c.files[index + 1] ?? c.files[index - 1];
    c.removeFile(f.id);
    setFocusAfter(next?.id ?? null);
  };

  return (
    <div
      ref={ref}
      className={cx('ik-composer__attachments', className)}
      data-slot="composer-attachments"
      {...rest}
    >
      {c.files.length ? (
        <ul className="ik-composer__chips" id={c.ids.files}>
          {c.files.map((f, i) => (
            <li
              key={f.id}
              className="ik-composer__chip"
              data-kind={f.previewUrl ? 'image' : 'document'}
              data-slot="attachment-chip"
            >
              {f.previewUrl ? (
                <img className="ik-composer__thumb" src={safeUrl(f.previewUrl, 'image')} alt="" />
              ) : (
                <span className="ik-composer__doc-icon" aria-hidden="true">
                  {fileType(f.file) || '?'}
                </span>
              )}
              <span className="ik-composer__chip-text">
                <span className="ik-composer__chip-name" title={f.file.name}>
                  <bdi>{displayFileName(f.file.name)}</bdi>
                </span>
                <span className="ik-composer__chip-meta">
                  {[fileType(f.file), formatFileSize(f.file.size)].filter(Boolean).join(', ')}
                </span>
              </span>
              <button
                type="button"
                className="ik-button ik-composer__chip-remove"
                data-variant="ghost"
                ref={(el) => {
                  if (el) buttons.current.set(f.id, el);
                  else buttons.current.delete(f.id);
                }}
                aria-label={t('removeFile', { name: displayFileName(f.file.name) })}
                onClick={() => remove(f, i)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {c.uploading.length ? (
        <ul className="ik-composer__uploads">
          {c.uploading.map((u) => (
            <li key={u.id} className="ik-composer__upload">
              <span className="ik-composer__chip-name" title={u.name}>
                <bdi>{displayFileName(u.name)}</bdi>
              </span>
              <progress
                className="ik-composer__progress"
                aria-label={t('uploadingFile', { name: u.name })}
                max={1}
                {...(u.progress !== null ? { value: u.progress } : {})}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {c.fileErrors.length ? (
        <ul
          className="ik-composer__file-errors"
          id={`${c.ids.files}-errors`}
          data-slot="composer-file-errors"
        >
          {c.fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
