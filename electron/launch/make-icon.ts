/**
 * Draws the app icon (build/icon.png, 512×512) so it is made here rather than downloaded:
 * a page with lines of text and coloured coding bands in its margin, on a dark rounded square.
 * electron-builder turns this one PNG into the .icns and .ico it needs.
 * Run: npx tsx electron/launch/make-icon.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
type RGBA = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The pixel at (x, y): later shapes paint over earlier ones. */
export function pixel(x: number, y: number): RGBA {
  const inRoundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return x >= x0 && x < x1 && y >= y0 && y < y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  let c: RGBA = [0, 0, 0, 0];
  if (inRoundRect(16, 16, 496, 496, 96)) c = [31, 58, 72, 255];
  if (inRoundRect(136, 88, 424, 424, 20)) c = [250, 247, 240, 255];
  // Lines of text.
  for (let i = 0; i < 7; i++) {
    const top = 130 + i * 40;
    const right = i % 3 === 2 ? 330 : 392;
    if (inRoundRect(176, top, right, top + 14, 7)) c = i === 2 || i === 3 ? [235, 170, 60, 255] : [120, 132, 140, 255];
  }
  // Coding bands in the margin, as the transcript view shows them.
  if (inRoundRect(96, 200, 112, 300, 8)) c = [235, 170, 60, 255];
  if (inRoundRect(72, 160, 88, 260, 8)) c = [90, 170, 160, 255];
  return c;
}

export function iconPng(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const out = join(import.meta.dirname, '..', '..', 'build', 'icon.png');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, iconPng());
  console.log(`wrote ${out}`);
}
