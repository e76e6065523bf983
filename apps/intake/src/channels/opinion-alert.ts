import { DomainError } from '@fq/domain';

/** An alert waits open until a dispatcher converts it into a case or dismisses it; either is final. */
export const ALERT_STATES = ['open', 'converted', 'dismissed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** A public-opinion alert as intake.opinion_alerts keeps it. */
export interface OpinionAlert {
  id: string;
  source: string;
  link: string;
  title: string;
  text: string;
  reach: number | null;
  publishedAt: Date | null;
  reportUpward: boolean;
  reasons: string[];
  categoryCode: string | null;
  state: AlertState;
  caseNumber: string | null;
  handledBy: string | null;
  handledAt: Date | null;
  dismissalReason: string | null;
  registeredAt: Date;
}

/** Why an alert can be neither converted nor dismissed any more: it was handled once already. Null while it is open. */
export function alreadyHandled(a: Pick<OpinionAlert, 'id' | 'state' | 'caseNumber' | 'handledBy' | 'dismissalReason'>): DomainError | null {
  if (a.state === 'open') return null;
  const message =
    a.state === 'converted'
      ? `Alert ${a.id} was already converted into case ${a.caseNumber} by ${a.handledBy}: follow that case (GET /api/v1/cases/${a.caseNumber}).`
      : `Alert ${a.id} was dismissed by ${a.handledBy} (${a.dismissalReason}); if the matter needs handling after all, register it with POST /api/v1/cases (channel opinion).`;
  return new DomainError('conflict', 'ALERT_ALREADY_HANDLED', message, { state: a.state, caseNumber: a.caseNumber });
}
