/**
 * The token and each privilege on one time axis, now marked. Each row says in words when it
 * ends; the bars are drawn with SVG attributes (the CSP allows no inline styles) and hidden
 * from screen readers, which read the words.
 */
import type { DecodedToken } from '../../../../shared/token/types.js';
import { displayTime, type TimeDisplay } from '../../components/ExpiryLine.js';
import { AXIS_WIDTH, timelineView } from '../../logic/timeline-view.js';

const BAR_HEIGHT = 14;

function Track({ x, width, nowX, expired }: { x: number; width: number; nowX: number; expired: boolean }) {
  return (
    <svg
      className="timeline-track"
      viewBox={`0 0 ${AXIS_WIDTH} ${BAR_HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="timeline-axis" x={0} y={BAR_HEIGHT / 2 - 1} width={AXIS_WIDTH} height={2} />
      <rect
        className={expired ? 'timeline-bar timeline-bar-expired' : 'timeline-bar'}
        x={x}
        y={2}
        width={width}
        height={BAR_HEIGHT - 4}
        rx={3}
      />
      <line className="timeline-now" x1={nowX} x2={nowX} y1={0} y2={BAR_HEIGHT} />
    </svg>
  );
}

interface Props {
  decoded: DecodedToken;
  /** The screen's one `now`, so the timeline agrees with the rest of Decode. */
  now: number;
  timeDisplay?: TimeDisplay;
}

export function ExpiryTimeline({ decoded, now, timeDisplay = 'local' }: Props) {
  const localTime = (unix: number) => displayTime(unix, timeDisplay);
  const view = timelineView(decoded, now);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Expiry timeline</h2>
      <p className="muted timeline-legend">
        From {localTime(view.from)} to {localTime(view.to)}; the vertical line is now ({localTime(now)}).
      </p>
      <ul className="timeline" aria-label="Expiry timeline">
        {view.rows.map((row, index) => (
          <li key={`${row.label}-${index}`} className="timeline-row">
            <span className="timeline-label">
              {row.label}:{' '}
              {row.end === null ? 'never expires' : `${row.expired ? 'expired' : 'ends'} ${localTime(row.end)}`}
            </span>
            <Track x={row.x} width={row.width} nowX={view.nowX} expired={row.expired} />
          </li>
        ))}
      </ul>
    </section>
  );
}
