import type { EmergencyService, SizeClass, UrgencyClass } from '@fq/domain';
import labelled from './fixtures/severity.json';

/**
 * One labelled request of fixtures/severity.json. Batches, in the order they were written:
 * 1 with the rules; 2 and 3 after them (3 after the rules were final, at the time); 4 by an author
 * who never saw the rules; 5 and 6 likewise, and `heldOut`: never used to write a rule or train the
 * model, so their figures are the fair estimate on new wording (6 was written after the model).
 */
export interface SeverityFixture {
  text: string;
  urgency: UrgencyClass;
  size: SizeClass;
  reportUpward: boolean;
  handOff: EmergencyService | null;
  /** A petition's number of visitors (人数). */
  peopleCount?: number;
  batch: 1 | 2 | 3 | 4 | 5 | 6;
  heldOut?: boolean;
}

export const SEVERITY_FIXTURES = labelled as SeverityFixture[];

/** What the rules and the model may learn from: everything but the held-out batch. */
export const TRAINING = SEVERITY_FIXTURES.filter((c) => !c.heldOut);
export const HELD_OUT = SEVERITY_FIXTURES.filter((c) => c.heldOut);
