import sharp from 'sharp';
import type { ImageMime } from './image-sniffer';

export interface ReencodedImage {
  bytes: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
}

/** decoded pixels refused beyond this (a 5 MB PNG can claim gigapixels: a decompression bomb) */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Decodes an upload and encodes it again in its own format (JPEG, PNG or WebP): nothing of the original file
 * survives but its pixels. EXIF (GPS of a resident's home, the phone's model), XMP, ICC comments and any bytes
 * appended or hidden in chunks (PNG+HTML, JPEG+PHP polyglots) are gone; the EXIF orientation is applied to the
 * pixels first, so the photo still stands upright; the longer side is bounded to `maxDimension`.
 * Returns null when the bytes do not decode as an image.
 */
export async function reencodeImage(bytes: Buffer, mime: ImageMime, maxDimension: number): Promise<ReencodedImage | null> {
  try {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false })
      .rotate()
      .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true });
    const encoded =
      mime === 'image/jpeg'
        ? pipeline.jpeg({ quality: 85 })
        : mime === 'image/png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mime, width: info.width, height: info.height };
  } catch {
    return null;
  }
}
