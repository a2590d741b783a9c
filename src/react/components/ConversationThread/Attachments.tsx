import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Attachment, Message } from '../../../core/types';
import { formatFileSize } from '../../../core/dates';
import { safeUrl } from '../../../core/urls';
import { displayFileName } from '../../../core/fileNames';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useMessageContext } from './ThreadContext';

/** Whether an attachment is shown as an image (thumbnail + viewer). */
export function isImage(a: Attachment): boolean {
  return a.mimeType.startsWith('image/') && !!safeImageUrl(a.thumbnailUrl ?? a.url);
}

/** URLs an `<img>` may load (see `safeUrl`). */
export function safeImageUrl(url: string | undefined): string | undefined {
  return safeUrl(url, 'image');
}

/** URLs a download link may point at (see `safeUrl`). */
export function safeDownloadUrl(url: string): string | undefined {
  return safeUrl(url, 'document');
}

/** Short type for a file: "PDF", "DOCX", "JPEG". */
export function fileTypeLabel(a: Attachment): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(a.name)?.[1];
  if (ext) return ext.toUpperCase();
  const sub = a.mimeType.split('/')[1];
  return (sub ?? 'file').split(/[+.;-]/)[0]!.toUpperCase();
}

/** Props of {@link Attachments}. */
export interface AttachmentsProps extends ComponentPropsWithoutRef<'ul'> {
  message: Message;
}

/**
 * A message's files: images as thumbnail buttons that open the viewer
 * ("Open image cab-1.jpg, 1 of 2"), documents as download links
 * ("invoice.pdf, PDF, 240 KB"). A host's `components.AttachmentPreview`
 * replaces the inside of each item.
 */
export const Attachments = forwardRef<HTMLUListElement, AttachmentsProps>(function Attachments(
  { message, className, ...rest },
  ref,
) {
  const { t, components } = useMessaging('ConversationThread.Attachments');
  const ctx = useMessageContext('ConversationThread.Attachments');
  if (message.attachments.length === 0) return null;
  const images = message.attachments.filter(isImage);
  const Custom = components.AttachmentPreview;
  return (
    <ul ref={ref} className={cx('ik-attachments', className)} data-slot="attachments" {...rest}>
      {message.attachments.map((a) => {
        const imageIndex = images.indexOf(a);
        const open = (trigger: HTMLElement | null) => ctx.openViewer(message, imageIndex, trigger);
        if (Custom) {
          return (
            <li key={a.id} className="ik-attachments__item">
              <Custom
                attachment={a}
                index={imageIndex}
                total={images.length}
                {...(imageIndex >= 0 ? { onOpen: () => open(null) } : {})}
              />
            </li>
          );
        }
        if (imageIndex >= 0) {
          return (
            <li key={a.id} className="ik-attachments__item" data-kind="image">
              <button
                type="button"
                className="ik-attachments__thumb"
                data-slot="attachment-image"
                aria-label={t('openImage', {
                  name: displayFileName(a.name),
                  index: imageIndex + 1,
                  total: images.length,
                })}
                onClick={(e) => open(e.currentTarget)}
              >
                <img
                  src={safeImageUrl(a.thumbnailUrl ?? a.url)}
                  alt=""
                  loading="lazy"
                  className="ik-attachments__img"
                />
              </button>
            </li>
          );
        }
        const href = safeDownloadUrl(a.url);
        return (
          <li key={a.id} className="ik-attachments__item" data-kind="document">
            {href ? (
              // Named from its content ("invoice.pdf, PDF, 240 KB"), so the name always holds the visible text (WCAG 2.5.3).
              <a
                href={href}
                download={displayFileName(a.name)}
                // A browser ignores `download` for another origin's file: it then opens in a new tab, never in place.
                target="_blank"
                className="ik-attachments__doc"
                data-slot="attachment-document"
                rel="noopener noreferrer"
              >
                <span className="ik-attachments__doc-icon" aria-hidden="true">
                  {fileTypeLabel(a)}
                </span>
                <span className="ik-attachments__doc-name">
                  <bdi>{displayFileName(a.name)}</bdi>
                  {a.size > 0 ? <span className="ik-sr-only">,</span> : null}
                </span>
                {a.size > 0 ? (
                  <>
                    {' '}
                    <span className="ik-attachments__doc-meta">{`${fileTypeLabel(a)}, ${formatFileSize(a.size)}`}</span>
                  </>
                ) : null}
              </a>
            ) : (
              <span className="ik-attachments__doc" data-slot="attachment-document" data-state="pending">
                <span className="ik-attachments__doc-name">
                  <bdi>{displayFileName(a.name)}</bdi>
                </span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
});
