/**
 * A QR code of some text (a token, the server URL) to get it onto a phone. Always dark on
 * light, whatever the theme, so every camera reads it.
 */
import { useMemo } from 'react';
import { qrPath } from '../logic/qr-path.js';
import './qr-code.css';

export function QrCode({ text, label, pixels = 260 }: { text: string; label: string; pixels?: number }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={pixels}
      height={pixels}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
