import type { Level } from './case';
import type { Urgency } from './sla/rules';

/**
 * Size classes of Dezhou's 大中小 three-tier rule (seed 004): a small matter stays in the village
 * (its grid worker first: the grid is the village's smallest cell), a medium one goes to the town,
 * a large one to the county (district).
 */
export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_START_LEVEL: Record<SizeClass, Level> = { small: 'grid', medium: 'town', large: 'district' };

/** Beijing's urgency classes (URGENCIES in sla/rules): life or property at risk / utilities / general / complex. */
export type UrgencyClass = Urgency;

/** Emergency services a request is handed to instead of being dispatched. */
export const EMERGENCY_SERVICES = ['110', '119', '120'] as const;
export type EmergencyService = (typeof EMERGENCY_SERVICES)[number];

/**
 * Requests that are recorded but not dispatched (DOMAIN.md "Triage and dispatch"): a consultation
 * answered on the spot, a matter for a court or an arbitration body, an emergency handed to
 * 110/119/120, an illegal request.
 */
export const NON_DISPATCH_OUTCOMES = ['answered', 'court', 'arbitration', 'emergency', 'illegal'] as const;
export type NonDispatchOutcome = (typeof NON_DISPATCH_OUTCOMES)[number];
