/** The app's one absolute-time formatter; the Settings' time display is its parameter. */
import { absoluteTime, type TimeDisplay } from '../../../shared/relative-time.js';

export type { TimeDisplay };

export function displayTime(unixSeconds: number, timeDisplay: TimeDisplay = 'local'): string {
  return absoluteTime(unixSeconds, timeDisplay);
}
