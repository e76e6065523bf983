import { EVENTS, EventData } from './catalog';
import { STEP_EVENTS, StepKind } from './steps';

type StepEventType<K extends StepKind> = (typeof STEP_EVENTS)[K];

/** The event that announces a step of kind K, with its payload typed from the catalogue. */
export type StepEvent<K extends StepKind = StepKind> = { [P in K]: { type: StepEventType<P>; data: EventData<StepEventType<P>> } }[K];

/** A step as the case workflow reports it (`CaseProgress` in workflows/case). */
export interface StepRecord<K extends StepKind = StepKind> {
  kind: K;
  caseNumber: string;
  level: string;
  unitCode: string;
  unitName: string;
  at: string;
  resolveBy: string | null;
  overdue: boolean;
  details: Record<string, unknown>;
}

/**
 * Turns a step the workflow reported into the event that announces it, parsed against the
 * catalogue (the workflow's record crosses a process boundary untyped): a step whose details
 * break their schema fails here, loudly, instead of going out on Kafka.
 */
export function stepEvent<K extends StepKind>(p: StepRecord<K>): StepEvent<K> {
  const type = STEP_EVENTS[p.kind];
  const { details } = p;
  const data = EVENTS[type].schema.parse({
    caseNumber: p.caseNumber,
    level: p.level,
    unitCode: p.unitCode,
    unitName: p.unitName,
    status: details.status,
    at: p.at,
    resolveBy: p.resolveBy,
    overdue: p.overdue,
    details,
  });
  // The schema just parsed is the one of STEP_EVENTS[kind]; TypeScript cannot follow an indexed union.
  return { type, data } as StepEvent<K>;
}
