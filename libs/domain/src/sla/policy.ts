import type { Level } from '../case';

/** Calendar time runs always; working time runs only on working days (holidays and 调休 applied). */
export type TimeBasis = 'calendar' | 'working';

export interface Duration {
  amount: number;
  /** Seconds serve drills and tests of the ladder; statutory limits use minutes, hours or days. */
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
}

/** The limits at one level of the ladder. */
export interface LevelLimits {
  /** Time for the unit to sign for (签收) the case; null: no separate signing limit. */
  signWithin: Duration | null;
  /** Time to reply with a result, counted from arrival at the level. */
  resolveWithin: Duration;
  basis: TimeBasis;
  /** Fractions of the resolve limit at which `sla.warning` is emitted, ascending, e.g. [0.5, 0.75]. */
  warnAt: number[];
  /** Whether a breach moves the case up one level (otherwise it stays, flagged overdue). */
  escalateOnBreach: boolean;
  /** Points deducted from the unit on a breach (红色督促警示并扣分). */
  breachPoints: number;
  /** The longest extension (延期) a unit may be granted at this level; null: none. */
  maxExtension: Duration | null;
}

/** A calendar snapshot handed to a workflow, so deadline arithmetic stays deterministic. */
export interface CalendarSnapshot {
  /** Non-working dates (yyyy-mm-dd, China Standard Time): public holidays. */
  holidays: string[];
  /** Weekend dates that are working days (调休). */
  workdays: string[];
}

/**
 * The SLA rule resolved for one case: the snapshot a case workflow runs with. A running level
 * keeps the version it started with until a new one is applied on purpose.
 */
export interface SlaPolicy {
  ruleSetId: string;
  version: number;
  ruleId: string;
  name: string;
  levels: Partial<Record<Level, LevelLimits>>;
  /** Time for the requester to rate a reply before a callback task is raised. */
  ratingWithin: Duration;
  /** Unsatisfied ratings tolerated at one level before the case moves up (after this many). */
  reopenLimit: number;
  /** Time for the centre to re-route a returned case before it goes up a level (default 1 day). */
  rerouteWithin?: Duration;
  /** Time to make the callback (回访) once the rating is late, before the case closes as not reached (default 3 days). */
  callbackWithin?: Duration;
  calendar: CalendarSnapshot;
}
