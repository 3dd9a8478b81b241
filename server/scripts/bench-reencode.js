#!/usr/bin/env node
/**
 * How long re-encoding an upload takes (uploads/image-reencoder.ts) on this machine: a worst-case JPEG of noise at
 * phone size (4000×3000, scaled to PHOTO_MAX_DIMENSION 2560) and a small one (1280×960), 5 runs each.
 *   pnpm --filter @gezhi/server build && node server/scripts/bench-reencode.js
 */
const sharp = require('sharp');
const { reencodeImage } = require('../dist/modules/uploads/image-reencoder');

async function noiseJpeg(width, height) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).withExif({ IFD3: { GPSLatitudeRef: 'N' } }).toBuffer();
}

async function main() {
  for (const [width, height] of [[4000, 3000], [1280, 960]]) {
    const input = await noiseJpeg(width, height);
    await reencodeImage(input, 'image/jpeg', 2560);
    const runs = 5;
    const started = process.hrtime.bigint();
    let out;
    for (let i = 0; i < runs; i++) out = await reencodeImage(input, 'image/jpeg', 2560);
    const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
    console.log(`${width}x${height}: ${(input.length / 1e6).toFixed(2)} MB → ${out.width}x${out.height} ${(out.bytes.length / 1e6).toFixed(2)} MB, ${ms.toFixed(0)} ms each`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
