/** The words of a case's life (DOMAIN.md "The life of a request"). */

export const CHANNELS = ['hotline', 'web', 'petition', 'grid', 'opinion', 'external'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The escalation ladder, bottom to top: 小事不出村、大事不出镇、难事不出县. */
export const LEVELS = ['grid', 'village', 'town', 'district', 'conference', 'leader'] as const;
export type Level = (typeof LEVELS)[number];

/** replied: waiting for the requester's rating; callback: the rating is late, a callback is due. */
export const CASE_STATUSES = ['registered', 'assigned', 'signed', 'returned', 'replied', 'callback', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Case numbers are the business id everywhere: `yyyymmdd` of intake + a 6-digit sequence. */
export function formatCaseNumber(registeredAt: Date, sequence: number): string {
  const day = registeredAt.toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}${String(sequence).padStart(6, '0')}`;
}

export const CASE_NUMBER_PATTERN = /^\d{14,}$/;

/** Workflow id of a case: its number, so the Temporal UI speaks business ids. */
export const caseWorkflowId = (caseNumber: string) => `case-${caseNumber}`;
