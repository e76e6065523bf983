import { z } from 'zod';

/**
 * Intake's own settings, beside the service env every app parses (env.ts). Read where intake
 * builds the part that needs them (Open311, the PII vault, the PII rotation script).
 */

/** The keys third-party Open311 clients post with, comma-separated. */
export const open311EnvSchema = z.object({
  OPEN311_API_KEYS: z
    .string()
    .default('fengqiao-demo-open311')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean)),
});

/** Local development key (npm start, tests). Production sets PII_KEY to its own 32 random bytes. */
const DEV_KEY = Buffer.from('fengqiao-local-development-pii-key!').subarray(0, 32).toString('base64');

const masterKey = z.string().refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)');

export const piiEnvSchema = z.object({
  PII_KEY: masterKey.default(DEV_KEY),
  /** Keys being rotated away from, comma-separated: values sealed with them still open. */
  PII_KEY_PREVIOUS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(masterKey)),
});

