/**
 * A QR code as one SVG path, drawn locally by `uqr` (no network, no canvas, no innerHTML):
 * one unit square per dark module, inside the quiet zone the standard asks for.
 */
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, quiet zone included: the SVG viewBox is 0 0 size size. */
  size: number;
  d: string;
}

const QUIET_ZONE = 4;

export function qrPath(text: string): QrPath {
  const { data, size } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  const parts: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return { size, d: parts.join('') };
}
