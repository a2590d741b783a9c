import { formatFileSize } from '../../../core/dates';
import type { AttachmentLimits } from '../../../transports/types';
import type { Translate } from '../../strings/format';

/** Whether a MIME type matches an accepted pattern (`image/png`, `image/*`, `*\/*`). */
export function mimeMatches(type: string, pattern: string): boolean {
  const t = type.toLowerCase();
  const p = pattern.toLowerCase();
  if (p === '*/*' || p === t) return true;
  return p.endsWith('/*') && t.startsWith(p.slice(0, -1));
}

/** The files that may be added, and a readable error for each one that may not. */
export interface FileCheck {
  accepted: File[];
  errors: string[];
}

/**
 * Checks files against the backend's limits before anything is uploaded:
 * type first, then size, then how many fit next to the `existing` ones.
 */
export function validateFiles(
  files: File[],
  existing: number,
  limits: AttachmentLimits,
  t: Translate,
): FileCheck {
  const accepted: File[] = [];
  const errors: string[] = [];
  let overCount = false;
  for (const file of files) {
    if (!limits.mimeTypes.some((p) => mimeMatches(file.type || 'application/octet-stream', p))) {
      errors.push(t('fileTypeNotAllowed', { name: file.name }));
    } else if (file.size > limits.maxBytes) {
      errors.push(t('fileTooLarge', { name: file.name, max: formatFileSize(limits.maxBytes) }));
    } else if (existing + accepted.length >= limits.maxCount) {
      overCount = true;
    } else {
      accepted.push(file);
    }
  }
  if (overCount) errors.push(t('tooManyFiles', { max: limits.maxCount }));
  return { accepted, errors };
}
