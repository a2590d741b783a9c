import { useCallback, useEffect, useState } from 'react';
import type { AttachmentLimits, OutgoingFile } from '../../../transports/types';
import type { Announce } from '../../Announcer';
import type { Translate } from '../../strings/format';
import type { PendingFile, UploadingFile } from './ComposerContext';
import { validateFiles } from './validateFiles';
import { useLatest } from '../../hooks/useLatest';

let fileCounter = 0;

const isImage = (file: File) => file.type.startsWith('image/');

function revoke(url: string | undefined) {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}

function previewUrl(file: File): string | undefined {
  if (!isImage(file) || typeof URL.createObjectURL !== 'function') return undefined;
  try {
    return URL.createObjectURL(file);
  } catch {
    return undefined;
  }
}

/**
 * Picked files for the next message: checked against the backend's limits
 * before any upload, image thumbnails as object URLs (revoked on removal),
 * and the upload progress of messages being sent.
 */
export function useComposerFiles(limits: AttachmentLimits | undefined, t: Translate, announce: Announce) {
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState<UploadingFile[]>([]);
  const filesRef = useLatest(files);

  // Revoke every thumbnail when the composer goes away.
  useEffect(() => () => filesRef.current.forEach((f) => revoke(f.previewUrl)), [filesRef]);

  const add = useCallback(
    (picked: File[]) => {
      if (!limits || picked.length === 0) return;
      const { accepted, errors: problems } = validateFiles(picked, filesRef.current.length, limits, t);
      setErrors(problems);
      const next = [
        ...filesRef.current,
        ...accepted.map((file) => ({ id: `ik-file-${++fileCounter}`, file, previewUrl: previewUrl(file) })),
      ];
      if (accepted.length) setFiles(next);
      const parts = [...(accepted.length ? [t.plural('filesAttached', next.length)] : []), ...problems];
      if (parts.length) announce(parts.join(' '));
    },
    [limits, t, announce, filesRef],
  );

  const remove = useCallback(
    (id: string) => {
      const gone = filesRef.current.find((f) => f.id === id);
      revoke(gone?.previewUrl);
      setFiles(filesRef.current.filter((f) => f.id !== id));
      setErrors([]);
    },
    [filesRef],
  );

  /** Hands the files to a send: they leave the chips and show as uploads until the send settles. */
  const take = useCallback(
    (clientId: string): OutgoingFile[] => {
      const taken = filesRef.current;
      taken.forEach((f) => revoke(f.previewUrl));
      setFiles([]);
      setErrors([]);
      if (taken.length === 0) return [];
      setUploading((u) => [
        ...u,
        ...taken.map((f) => ({ id: f.id, clientId, name: f.file.name, progress: null })),
      ]);
      return taken.map((f) => ({
        file: f.file,
        onProgress: (fraction: number) =>
          setUploading((u) => u.map((x) => (x.id === f.id ? { ...x, progress: fraction } : x))),
      }));
    },
    [filesRef],
  );

  const settle = useCallback(
    (clientId: string) => setUploading((u) => u.filter((x) => x.clientId !== clientId)),
    [],
  );

  const reset = useCallback(() => {
    filesRef.current.forEach((f) => revoke(f.previewUrl));
    // Keep the empty arrays there are: a new [] would change the composer's context for nothing.
    setFiles((f) => (f.length ? [] : f));
    setErrors((e) => (e.length ? [] : e));
  }, [filesRef]);

  return { files, errors, uploading, add, remove, take, settle, reset };
}
