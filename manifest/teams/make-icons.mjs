// Draws the Teams app icons (no image library needed): color.png 192×192 (a white target on the
// accent colour) and outline.png 32×32 (the same target in white on transparent, as Teams requires).
// and the Excel add-in's icons. Run: node manifest/teams/make-icons.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A target: outer ring and centre dot, in units of the icon's size. */
function onTarget(x, y, size) {
  const r = Math.hypot(x - size / 2, y - size / 2) / size;
  return (r > 0.25 && r < 0.36) || r < 0.12;
}

const ACCENT = [0x0f, 0x6c, 0xbd, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

writeFileSync(path.join(here, 'color.png'), png(192, (x, y) => (onTarget(x, y, 192) ? WHITE : ACCENT)));
writeFileSync(path.join(here, 'outline.png'), png(32, (x, y) => (onTarget(x, y, 32) ? WHITE : CLEAR)));
// The Excel add-in's icons (manifest/excel/manifest.xml): the same target, served under /addin/assets/.
const addinAssets = path.join(here, '..', '..', 'src', 'addin', 'public', 'assets');
for (const size of [16, 32, 64, 80]) writeFileSync(path.join(addinAssets, `icon-${size}.png`), png(size, (x, y) => (onTarget(x, y, size) ? WHITE : ACCENT)));
console.log('color.png (192×192), outline.png (32×32) och tilläggets ikoner (16, 32, 64, 80) skrivna.');
