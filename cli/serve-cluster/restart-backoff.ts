/** The first replacement waits this long; each crash in a row doubles it … */
export const FIRST_RESTART_DELAY_MS = 250;
/** … up to this, so a worker that cannot start costs a few attempts a minute, not a spin. */
export const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that served this long had a one-off crash: the next one starts after the first delay again. */
export const STABLE_AFTER_MS = 30_000;

/** The crash history of one worker slot. */
export class RestartBackoff {
  private crashes = 0;

  /** How long to wait before replacing a worker that ran for `ranMs`. */
  next(ranMs: number): number {
    if (ranMs >= STABLE_AFTER_MS) this.crashes = 0;
    this.crashes += 1;
    return Math.min(FIRST_RESTART_DELAY_MS * 2 ** (this.crashes - 1), MAX_RESTART_DELAY_MS);
  }

  /** Exits in a row, this one included. */
  get inARow(): number {
    return this.crashes;
  }
}
