/**
 * The expiry timeline as positions on a 0–1000 axis (SVG user units, so no inline styles
 * are needed under the CSP): the token and each privilege from expiryTimeline(), which
 * takes every time from tokenTimeStatus, the one expiry function.
 */
import { expiryTimeline } from '../../../shared/token/timeline.js';
import type { DecodedToken } from '../../../shared/token/types.js';

export const AXIS_WIDTH = 1000;

export interface TimelineRow {
  label: string;
  /** Where the bar starts and how wide it is, in axis units. */
  x: number;
  width: number;
  /** Unix seconds it ends, null when it never does. */
  end: number | null;
  expired: boolean;
}

export interface TimelineView {
  from: number;
  to: number;
  nowX: number;
  rows: TimelineRow[];
}

export function timelineView(decoded: DecodedToken, now: number): TimelineView {
  const timeline = expiryTimeline(decoded, now);
  const span = timeline.to - timeline.from;
  const at = (t: number) =>
    Math.round(((Math.min(Math.max(t, timeline.from), timeline.to) - timeline.from) / span) * AXIS_WIDTH);
  const rows = timeline.bars.map((bar): TimelineRow => {
    const x = at(bar.start);
    return {
      label: bar.label,
      x,
      width: Math.max(at(bar.end ?? timeline.to) - x, 1),
      end: bar.end,
      expired: bar.expired,
    };
  });
  return { from: timeline.from, to: timeline.to, nowX: at(now), rows };
}
