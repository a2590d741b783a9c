// @vitest-environment node
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rasterVehicleThumbnail } from './marketplace/assets';
import { pngDataUri } from './png';

/** Reads a PNG data URI back: size, palette and each pixel's palette index (2-bit indexed only). */
function decode(uri: string) {
  const [head, b64] = uri.split(',');
  expect(head).toBe('data:image/png;base64');
  const bytes = Buffer.from(b64!, 'base64');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.set(bytes.toString('latin1', at + 4, at + 8), bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const ihdr = chunks.get('IHDR')!;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  expect([ihdr[8], ihdr[9]]).toEqual([2, 3]);
  const raw = inflateSync(chunks.get('IDAT')!); // throws on a bad zlib stream or checksum
  const stride = 1 + Math.ceil(width / 4);
  const pixel = (x: number, y: number) => (raw[y * stride + 1 + (x >> 2)]! >> (6 - 2 * (x & 3))) & 3;
  const plte = chunks.get('PLTE')!;
  const palette = Array.from({ length: plte.length / 3 }, (_, i) => [
    plte[3 * i],
    plte[3 * i + 1],
    plte[3 * i + 2],
  ]);
  return { width, height, palette, pixel, chunks: [...chunks.keys()] };
}

describe('pngDataUri', () => {
  it('writes a valid indexed PNG that decodes to the same pixels', () => {
    const palette = [
      [10, 20, 30],
      [255, 255, 255],
      [1, 2, 3],
      [200, 100, 0],
    ] as const;
    const at = (x: number, y: number) => (x * 3 + y) % 4;
    const png = decode(pngDataUri(7, 5, palette, at));
    expect(png.chunks).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([png.width, png.height]).toEqual([7, 5]);
    expect(png.palette).toEqual(palette.map((c) => [...c]));
    for (let y = 0; y < 5; y++) for (let x = 0; x < 7; x++) expect(png.pixel(x, y)).toBe(at(x, y));
  });

  it('refuses palettes a 2-bit image cannot index', () => {
    expect(() => pngDataUri(1, 1, [], () => 0)).toThrow(RangeError);
    expect(() =>
      pngDataUri(
        1,
        1,
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
        () => 0,
      ),
    ).toThrow(RangeError);
  });
});

describe('rasterVehicleThumbnail', () => {
  it('draws a 32 × 24 vehicle on its hue: background, body, wheels', () => {
    const png = decode(rasterVehicleThumbnail('truck', 0));
    expect([png.width, png.height]).toEqual([32, 24]);
    expect(png.palette[0]).toEqual([155, 59, 59]); // hsl(0 45% 42%)
    expect(png.pixel(0, 0)).toBe(0); // background
    expect(png.pixel(10, 10)).toBe(1); // box body
    expect(png.pixel(8, 17)).toBe(3); // rear wheel
    expect(rasterVehicleThumbnail('truck', 0)).toBe(rasterVehicleThumbnail('truck', 0));
    expect(rasterVehicleThumbnail('van', 0)).not.toBe(rasterVehicleThumbnail('truck', 0));
  });
});
