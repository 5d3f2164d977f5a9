/**
 * A QR code as one SVG path, drawn locally by `lean-qr` (its ~2 KB "nano" build; no network,
 * no canvas, no innerHTML): one unit square per dark module, inside the 4-module quiet zone
 * the standard asks for.
 */
import { correction, generate } from 'lean-qr/nano';

export interface QrPath {
  /** Modules per side, quiet zone included: the SVG viewBox is 0 0 size size. */
  size: number;
  d: string;
}

const QUIET_ZONE = 4;

export function qrPath(text: string): QrPath {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const parts: string[] = [];
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (code.get(x, y)) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: code.size + 2 * QUIET_ZONE, d: parts.join('') };
}
