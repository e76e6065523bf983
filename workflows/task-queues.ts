/** Task queues: workflows run on `cases`; each service runs its own activities on its own queue. */
export const TASK_QUEUES = {
  cases: 'cases',
  intake: 'intake',
  departments: 'departments',
  mediation: 'mediation',
  legalAid: 'legal-aid',
  admin: 'admin',
} as const;
