import { type EmergencyService, type SizeClass, type UrgencyClass, maskPii } from '@fq/domain';
import type { TriageRecord } from '../shared/case.entity';

/** A case as the corrections export reads it. */
export interface TriagedCase {
  number: string;
  description: string;
  categoryCode: string | null;
  urgency: UrgencyClass;
  sizeClass: SizeClass;
  reportUpward: boolean;
  handOff: EmergencyService | null;
  triage: TriageRecord;
  /** A dispatcher's later category correction (拆单 with a category). */
  separatedAs?: string | null;
}

export type Field = 'category' | 'urgency' | 'size' | 'reportUpward' | 'handOff';

/** A request labelled by people where they disagreed with triage: in the shape of fixtures/severity.json, with the category. */
export interface Correction {
  caseNumber: string;
  text: string;
  category: string | null;
  urgency: UrgencyClass;
  size: SizeClass;
  reportUpward: boolean;
  handOff: EmergencyService | null;
  /** The fields people set differently from what triage read. */
  corrected: Field[];
}

/**
 * The people's labels of a case, when they differ from triage's reading in at least one field;
 * undefined when they agree (a case labelled by triage alone would only teach the model itself).
 * Phone and ID numbers in the text are masked. Pure.
 */
export function correctionOf(c: TriagedCase): Correction | undefined {
  const { detected, operator = {}, suggestedCategory } = c.triage;
  if (!detected) return undefined; // registered before triage kept what it read
  const category = c.separatedAs ?? operator.category ?? c.categoryCode;
  const label = {
    category,
    urgency: operator.urgency ?? c.urgency,
    size: operator.size ?? c.sizeClass,
    // The flag is raised by triage or the operator; an operator's explicit "no" is their label.
    reportUpward: operator.reportUpward ?? c.reportUpward,
    // A hand-off an operator recorded (an emergency outcome) is theirs; else triage's reading stands.
    handOff: c.handOff ?? detected.handOff,
  };
  const corrected: Field[] = [];
  if (category && category !== (suggestedCategory?.code ?? null)) corrected.push('category');
  if (label.urgency !== detected.urgency) corrected.push('urgency');
  if (label.size !== detected.size) corrected.push('size');
  if (label.reportUpward !== detected.reportUpward) corrected.push('reportUpward');
  if (label.handOff !== detected.handOff) corrected.push('handOff');
  if (!corrected.length) return undefined;
  return { caseNumber: c.number, text: maskPii(c.description), ...label, corrected };
}
