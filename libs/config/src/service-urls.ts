import { z } from 'zod';

const url = (port: number) => z.string().url().default(`http://127.0.0.1:${port}`);

/**
 * Where admin finds the other services, for the console's same-origin proxy (`/svc/<name>/...`,
 * ADR 0023), and the Temporal UI the case page links to. Read when admin boots, so a test that
 * starts the services on random ports sets these before it starts admin.
 */
export const serviceUrlsSchema = z.object({
  INTAKE_URL: url(3001),
  DEPARTMENTS_URL: url(3002),
  MEDIATION_URL: url(3003),
  LEGAL_AID_URL: url(3004),
  TEMPORAL_UI_URL: url(8233),
});

export type ServiceUrls = z.infer<typeof serviceUrlsSchema>;

/** The services the console may reach through admin, by the name in `/svc/<name>/`. */
export function proxiedServices(urls: ServiceUrls): Record<string, string> {
  return { intake: urls.INTAKE_URL, departments: urls.DEPARTMENTS_URL, mediation: urls.MEDIATION_URL, 'legal-aid': urls.LEGAL_AID_URL };
}
