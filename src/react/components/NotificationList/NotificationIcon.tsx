import type { SVGProps } from 'react';

/** 24×24 outline paths per marketplace notification type. */
const PATHS: Record<string, string> = {
  // speech bubble
  NEW_MESSAGE: 'M4 5h16v11H8l-4 4V5z',
  // check in a circle
  LISTING_APPROVED: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM8 12.5l2.5 2.5L16 9.5',
  // clock
  LISTING_EXPIRING: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 2',
  // tag with a down arrow
  FAVORITE_PRICE_DROP: 'M3 12V4h8l9 9-8 8-9-9zM7.5 7.5h.01M15 8v6m-2.5-2.5L15 14l2.5-2.5',
  // star
  NEW_REVIEW: 'M12 3l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8 6.6 19.7l1.1-6.1L3.2 9.4l6.1-.8L12 3z',
  // sold sign
  LISTING_SOLD: 'M4 8h16v9H4zM8 8l4-4 4 4M7 12.5h10',
};

/** Bell outline, for unknown types and the bell button. */
export const BELL_PATH = 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0';

/** A decorative icon for a notification type (always `aria-hidden`). */
export function NotificationIcon({ type, ...rest }: { type: string } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...rest}
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[type] ?? BELL_PATH} />
    </svg>
  );
}
