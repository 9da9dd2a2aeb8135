// Just enough PNG reading to check icons: the header's size and the top-left pixel.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per pixel for each 8-bit colour type: grey, RGB, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface PngInfo {
  width: number;
  height: number;
  /** The top-left pixel as RGBA (alpha 255 for types without alpha). */
  corner: [number, number, number, number];
}

/** Reads a non-interlaced 8-bit PNG's size and top-left pixel; throws on anything else. */
export function readPng(bytes: Buffer): PngInfo {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('no IHDR chunk first');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colourType, , , interlace] = bytes.subarray(24, 29);
  const channels = CHANNELS[colourType];
  if (depth !== 8 || !channels || interlace !== 0) throw new Error('unsupported PNG layout');
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // Row 0 starts with its filter byte; whatever the filter, the first pixel of the first row
  // is stored as is (its left and upper neighbours count as zero).
  const raw = inflateSync(Buffer.concat(data));
  const pixel = [...raw.subarray(1, 1 + channels)];
  const rgba: [number, number, number, number] =
    channels >= 3
      ? [pixel[0], pixel[1], pixel[2], channels === 4 ? pixel[3] : 255]
      : [pixel[0], pixel[0], pixel[0], channels === 2 ? pixel[1] : 255];
  return { width, height, corner: rgba };
}
