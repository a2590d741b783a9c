import { displayFileName } from '../../../core/fileNames';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, RefObject } from 'react';
import type { Attachment } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { Dialog } from '../primitives/Dialog';
import { cx } from '../primitives/cx';
import { safeImageUrl } from './Attachments';

/** Props of {@link ImageViewer}. */
export interface ImageViewerProps extends Omit<
  ComponentPropsWithoutRef<'dialog'>,
  'open' | 'title' | 'onClose' | 'role'
> {
  /** The message's images. */
  images: Attachment[];
  /** Shown image; `null` closes the viewer. */
  index: number | null;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  /** Where focus goes on close. @defaultValue the thumbnail that opened it */
  returnFocusRef?: RefObject<HTMLElement | null>;
}

/** A modal image viewer: ←/→ switch images (wrapping), Esc closes. */
export const ImageViewer = forwardRef<HTMLDialogElement, ImageViewerProps>(function ImageViewer(
  { images, index, onIndexChange, onClose, returnFocusRef, className, onKeyDown, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.ImageViewer');
  const open = index !== null && images.length > 0;
  const i = Math.min(Math.max(index ?? 0, 0), Math.max(images.length - 1, 0));
  const image = images[i];
  const step = (delta: number) => onIndexChange((i + delta + images.length) % images.length);
  return (
    <Dialog
      ref={ref}
      open={open}
      onClose={onClose}
      title={image ? image.name : t('imageViewer')}
      description={images.length > 1 ? t('imagePosition', { index: i + 1, total: images.length }) : undefined}
      className={cx('ik-image-viewer', className)}
      data-slot="image-viewer"
      {...(returnFocusRef ? { returnFocusRef } : {})}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.defaultPrevented) return;
        if (e.key === 'ArrowRight' && images.length > 1) {
          e.preventDefault();
          step(1);
        } else if (e.key === 'ArrowLeft' && images.length > 1) {
          e.preventDefault();
          step(-1);
        } else if (e.key === 'Escape') {
          // Native <dialog> fires `cancel`; this also covers hosts and test DOMs without it.
          e.preventDefault();
          onClose();
        }
      }}
      {...rest}
    >
      {image ? (
        <figure className="ik-image-viewer__figure">
          <img
            className="ik-image-viewer__img"
            src={safeImageUrl(image.url) ?? safeImageUrl(image.thumbnailUrl)}
            alt={displayFileName(image.name)}
          />
        </figure>
      ) : null}
      <div className="ik-dialog__actions">
        {images.length > 1 ? (
          <>
            <button type="button" className="ik-button" onClick={() => step(-1)}>
              <span aria-hidden="true">←</span> {t('previousImage')}
            </button>
            <button type="button" className="ik-button" onClick={() => step(1)}>
              {t('nextImage')} <span aria-hidden="true">→</span>
            </button>
          </>
        ) : null}
        <button type="button" className="ik-button" data-variant="primary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
});
