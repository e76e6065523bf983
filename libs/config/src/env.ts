import { z } from 'zod';

/**
 * The environment every service reads, parsed once at boot. Defaults are the local
 * development ones (`npm start`), so a fresh clone runs without any .env file.
 */
export const baseEnvSchema = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres:postgres@127.0.0.1:5433/fengqiao'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  JWT_SECRET: z.string().min(16).default('fengqiao-local-development-secret'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** How often outbox relays poll when no notification arrives (ms). */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
  /** Tries before an outbox row that fails while its destination takes other rows is parked (ADR 0021). */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;

export class ConfigError extends Error {}

/** Parses `source` (default process.env) against `schema`; a readable error lists every problem. */
export function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

/** A service's env: the base plus its HTTP port. */
export const serviceEnvSchema = (defaultPort: number) =>
  baseEnvSchema.extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    /** 127.0.0.1 locally; 0.0.0.0 in a container. */
    HOST: z.string().default('127.0.0.1'),
    /**
     * Which proxies' X-Forwarded-For to believe for the client address (rate limits): Express's
     * `trust proxy` (false, true, a hop count, or names like loopback, uniquelocal and addresses).
     */
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  });

export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;
