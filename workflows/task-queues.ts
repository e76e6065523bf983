/** Task queues: workflows run on `cases`; each service with activities runs them on its own queue (mediation and legal aid have none yet). */
export const TASK_QUEUES = {
  cases: 'cases',
  intake: 'intake',
  departments: 'departments',
  admin: 'admin',
} as const;
