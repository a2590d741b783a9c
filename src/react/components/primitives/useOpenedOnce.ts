import { useState } from 'react';

/**
 * True from the first render where `open` is true on. A lazily loaded dialog
 * mounts when first opened and then stays mounted, so closing runs its focus
 * return exactly as if it had always been there.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
