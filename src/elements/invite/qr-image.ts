/**
 * The invite link as a QR code image, loaded with the first QR code a page shows (a lazy chunk). uqr encodes the
 * modules; they are drawn here as one SVG path, each row's dark runs as rectangles, in a data URL an <img> shows
 * (smaller than a PNG of the same code, and sharp at any size).
 */
import { encode } from 'uqr';

/** White modules around the code: scanners need a quiet zone. */
const QUIET_ZONE = 2;
/** The image's intrinsic size in CSS pixels (the element scales it with --hashdrop-invite-qr-size). */
const PIXELS = 384;

export function qrImageUrl(text: string): string {
  // Error correction M: a phone scanning a screen at an angle, through reflections, still reads it.
  const { size, data } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      path += `M${start} ${y}h${x - start + 1}v1H${start}z`;
    }
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${PIXELS}" height="${PIXELS}" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
