/**
 * Offline images for seed data: small inline SVG data URIs, so thumbnails,
 * avatars and attachments render in a browser without network access.
 */

const svg = (body: string, w = 160, h = 120) =>
  `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`)}`;

/** Vehicle silhouettes by category. */
export type VehicleKind = 'truck' | 'trailer' | 'van';

const SHAPES: Record<VehicleKind, string> = {
  truck:
    '<rect x="18" y="38" width="78" height="44" rx="3" fill="#fff" opacity=".9"/><path d="M98 52h24l16 16v14H98z" fill="#fff"/><rect x="104" y="56" width="16" height="10" fill="#9cc"/>',
  trailer:
    '<rect x="10" y="34" width="126" height="46" rx="3" fill="#fff" opacity=".9"/><rect x="136" y="70" width="16" height="4" fill="#fff"/>',
  van: '<path d="M22 44h82l22 18v20H22z" fill="#fff"/><rect x="86" y="50" width="18" height="12" fill="#9cc"/>',
};

/** A vehicle thumbnail in a given hue (0–359). */
export function vehicleThumbnail(kind: VehicleKind, hue: number): string {
  return svg(
    `<rect width="160" height="120" fill="hsl(${hue} 45% 42%)"/>${SHAPES[kind]}<circle cx="40" cy="88" r="10" fill="#222"/><circle cx="120" cy="88" r="10" fill="#222"/>`,
  );
}

/** A round avatar with initials. */
export function avatar(name: string, hue: number): string {
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
  return svg(
    `<circle cx="32" cy="32" r="32" fill="hsl(${hue} 55% 45%)"/><text x="32" y="40" font-family="sans-serif" font-size="22" fill="#fff" text-anchor="middle">${initials}</text>`,
    64,
    64,
  );
}

/** A photo-like image attachment. */
export function photo(hue: number, label: string): string {
  return svg(
    `<rect width="320" height="240" fill="hsl(${hue} 30% 70%)"/><rect x="20" y="140" width="280" height="80" fill="hsl(${hue} 25% 45%)"/><text x="160" y="90" font-family="sans-serif" font-size="20" fill="#222" text-anchor="middle">${label}</text>`,
    320,
    240,
  );
}

/** A small document (served inline as a data URI). */
export function documentUrl(mimeType: string, text: string): string {
  return `data:${mimeType};base64,${btoa(text)}`;
}

/** A generic document icon used as a thumbnail. */
export const DOCUMENT_THUMBNAIL = svg(
  '<rect x="50" y="14" width="60" height="92" rx="4" fill="#fff" stroke="#888"/><path d="M60 40h40M60 52h40M60 64h28" stroke="#888" stroke-width="4"/>',
);
