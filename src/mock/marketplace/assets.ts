import { pngDataUri } from '../png';

/**
 * Offline images for seed data: small inline data URIs, so thumbnails,
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

/** `hsl(h 45% 42%)` (the SVG thumbnails' background) as RGB. */
function thumbnailBackground(hue: number): [number, number, number] {
  const s = 0.45;
  const l = 0.42;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** Whether a point (in the SVG thumbnails' 160 × 120 space) is on the vehicle's body. */
const BODY: Record<VehicleKind, (x: number, y: number) => boolean> = {
  truck: (x, y) =>
    (x >= 18 && x <= 96 && y >= 38 && y <= 82) ||
    (x >= 98 && y >= 52 && y <= 82 && x <= 122 + Math.min(16, y - 52)),
  trailer: (x, y) =>
    (x >= 10 && x <= 136 && y >= 34 && y <= 80) || (x >= 136 && x <= 152 && y >= 70 && y <= 74),
  van: (x, y) => x >= 22 && y >= 44 && y <= 82 && x <= 104 + Math.min(22, ((y - 44) * 22) / 18),
};
const WINDOW: Record<VehicleKind, (x: number, y: number) => boolean> = {
  truck: (x, y) => x >= 104 && x <= 120 && y >= 56 && y <= 66,
  trailer: () => false,
  van: (x, y) => x >= 86 && x <= 104 && y >= 50 && y <= 62,
};

/**
 * A vehicle thumbnail as a 32 × 24 PNG: the same picture as
 * {@link vehicleThumbnail}, drawn in pixels. The bulk listings of the `large`
 * seed use it. Each distinct SVG image is a document of its own that the
 * browser parses, styles and lays out on the main thread when it first shows;
 * 5,000 distinct ones turned scrolling the large inbox into a benchmark of
 * that. A raster image, like a real listing photo, is decoded off the main thread.
 */
export function rasterVehicleThumbnail(kind: VehicleKind, hue: number): string {
  const key = `${kind}:${hue}`;
  let uri = rasterCache.get(key);
  if (!uri) rasterCache.set(key, (uri = drawVehicle(kind, hue)));
  return uri;
}

/** Encoded thumbnails by kind and hue: at most 3 × 360 of them, shared by all seeds. */
const rasterCache = new Map<string, string>();

function drawVehicle(kind: VehicleKind, hue: number): string {
  const scale = 5; // 160 × 120 → 32 × 24
  const wheel = (x: number, y: number) =>
    y >= 78 && ((x - 40) ** 2 + (y - 88) ** 2 <= 100 || (x - 120) ** 2 + (y - 88) ** 2 <= 100);
  return pngDataUri(
    32,
    24,
    [thumbnailBackground(hue), [255, 255, 255], [0x99, 0xcc, 0xcc], [0x22, 0x22, 0x22]],
    (px, py) => {
      const x = (px + 0.5) * scale;
      const y = (py + 0.5) * scale;
      if (wheel(x, y)) return 3;
      if (WINDOW[kind](x, y)) return 2;
      return BODY[kind](x, y) ? 1 : 0;
    },
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
