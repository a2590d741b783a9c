import { forwardRef, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';

/** Props of {@link DropZone}. */
export type DropZoneProps = ComponentPropsWithoutRef<'div'>;

const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Drag-and-drop files onto the composer: a pointer-only extra, never
 * focusable; the Attach button is the keyboard alternative (WCAG 2.5.7).
 */
export const DropZone = forwardRef<HTMLDivElement, DropZoneProps>(function DropZone(
  { className, children, ...rest },
  ref,
) {
  const { t } = useMessaging('Composer.DropZone');
  const c = useComposerContext('Composer.DropZone');
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const enabled = c.attachmentsEnabled && !!c.conversationId;
  return (
    <div
      ref={ref}
      className={cx('ik-composer__dropzone', className)}
      data-slot="composer-dropzone"
      data-dragging={dragging ? '' : undefined}
      onDragEnter={(e) => {
        if (!enabled || !hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!enabled || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        if (!enabled) return;
        e.preventDefault();
        depth.current = 0;
        setDragging(false);
        c.addFiles(Array.from(e.dataTransfer?.files ?? []));
      }}
      {...rest}
    >
      {children}
      {dragging ? (
        <div className="ik-composer__drop-hint" aria-hidden="true">
          {t('dropFiles')}
        </div>
      ) : null}
    </div>
  );
});
