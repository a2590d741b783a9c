/** Small decorative icons for row actions; always paired with text. */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const ReadIcon = () => (
  <svg {...common} className="ik-icon">
    <path d="M2.5 8.5l3.5 3.5 7.5-8" />
  </svg>
);
export const ArchiveIcon = () => (
  <svg {...common} className="ik-icon">
    <rect x="2" y="3" width="12" height="3" rx="0.5" />
    <path d="M3 6v7h10V6M6.5 9h3" />
  </svg>
);
export const UnarchiveIcon = () => (
  <svg {...common} className="ik-icon">
    <rect x="2" y="3" width="12" height="3" rx="0.5" />
    <path d="M3 6v7h10V6M8 12V8.5M6.5 10L8 8.5 9.5 10" />
  </svg>
);
export const DeleteIcon = () => (
  <svg {...common} className="ik-icon">
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9" />
  </svg>
);
export const VerifiedIcon = () => (
  <svg {...common} className="ik-icon" width={14} height={14}>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M5.3 8.2l1.8 1.8 3.6-3.8" />
  </svg>
);
export const MoreIcon = () => (
  <svg {...common} className="ik-icon" fill="currentColor" stroke="none">
    <circle cx="3.5" cy="8" r="1.4" />
    <circle cx="8" cy="8" r="1.4" />
    <circle cx="12.5" cy="8" r="1.4" />
  </svg>
);
