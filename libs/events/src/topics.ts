/**
 * Topics by bounded context; one case's events share a key (its number) and so stay in order.
 * docs/asyncapi.yaml (`npm run asyncapi`) describes each with its events.
 */
export const TOPICS = {
  case: 'fq.case.v1',
  org: 'fq.org.v1',
  sla: 'fq.sla.v1',
  supervision: 'fq.supervision.v1',
  notification: 'fq.notification.v1',
  intakeExternal: 'fq.intake.external.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const dlqTopic = (topic: string) => `${topic}.dlq`;
