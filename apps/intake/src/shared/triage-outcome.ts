import type { EmergencyService, SizeClass, UrgencyClass } from '@fq/domain';

/** What triage read from a request and what the operator set: answered to the channel, kept on the case. */
export interface TriageOutcome {
  categoryCode: string | null;
  categorySource: 'operator' | 'classifier' | 'none';
  suggestion: { code: string; name: string; confidence: number } | null;
  urgency: UrgencyClass;
  size: SizeClass;
  reportUpward: boolean;
  handOff: EmergencyService | null;
  reasons: string[];
  /** What the rules and the model read from the text, before the operator's word: with `operator`, the record of a correction. */
  detected: { urgency: UrgencyClass; size: SizeClass; reportUpward: boolean; handOff: EmergencyService | null };
  /** What the operator set themselves. */
  operator: { category?: string; urgency?: UrgencyClass; size?: SizeClass; reportUpward?: boolean };
}
