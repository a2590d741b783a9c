/**
 * A tiny PNG encoder for seed images: indexed colour, 2 bits per pixel (up to
 * four colours), stored (uncompressed) deflate. Enough for thumbnail-sized
 * pictures as `data:` URIs, with no dependency and no canvas (runs in Node too).
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** zlib stream of one stored deflate block (`bytes` must be under 64 KiB). */
function zlibStored(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const out = new Uint8Array(2 + 5 + n + 4);
  out.set([0x78, 0x01, 0x01, n & 0xff, n >>> 8, ~n & 0xff, (~n >>> 8) & 0xff]);
  out.set(bytes, 7);
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  new DataView(out.buffer).setUint32(7 + n, ((b << 16) | a) >>> 0);
  return out;
}

/**
 * Encodes a `width` × `height` image as a `data:image/png;base64,…` URI.
 * `pixel(x, y)` returns an index into `palette` (0–3); palette entries are `[r, g, b]`.
 */
export function pngDataUri(
  width: number,
  height: number,
  palette: ReadonlyArray<readonly [number, number, number]>,
  pixel: (x: number, y: number) => number,
): string {
  if (palette.length < 1 || palette.length > 4)
    throw new RangeError('pngDataUri: the palette holds 1 to 4 colours');
  const stride = 1 + Math.ceil(width / 4);
  const raw = new Uint8Array(stride * height); // filter byte 0 (none) starts each row
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw[y * stride + 1 + (x >> 2)]! |= (pixel(x, y) & 3) << (6 - 2 * (x & 3));
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([2, 3, 0, 0, 0], 8); // bit depth 2, colour type 3 (indexed), deflate, adaptive filters, no interlace
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return `data:image/png;base64,${btoa(String.fromCharCode(...png))}`;
}
