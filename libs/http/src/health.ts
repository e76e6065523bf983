import { Controller, Get, HttpStatus, Injectable, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import type { Response } from 'express';
import { z } from 'zod';
import { ZodResponse } from './openapi';

/** Resolves when the dependency answers, optionally with figures for operators (e.g. parked outbox rows). */
export type HealthCheck = () => Promise<void | Record<string, unknown>>;
export interface DependencyState {
  status: 'up' | 'down';
  /** Needed to serve at all; the others (Kafka, Temporal) only delay work, thanks to the outbox. */
  critical: boolean;
  error?: string;
  details?: Record<string, unknown>;
}

/** Each module that holds a connection registers a check; /health runs them all with a timeout. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, { check: HealthCheck; critical: boolean }>();

  register(name: string, check: HealthCheck, opts: { critical?: boolean } = {}): void {
    this.checks.set(name, { check, critical: opts.critical ?? false });
  }

  async run(timeoutMs = 2000): Promise<Record<string, DependencyState>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, { check, critical }]): Promise<[string, DependencyState]> => {
        try {
          const details = await withTimeout(check(), timeoutMs);
          return [name, { status: 'up', critical, ...(details ? { details } : {}) }];
        } catch (e) {
          return [name, { status: 'down', critical, error: e instanceof Error ? e.message : String(e) }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }
}

const state = z.enum(['up', 'down']);
const healthSchema = z.object({ status: state, dependencies: z.record(z.string(), z.object({ status: state, critical: z.boolean(), error: z.string().optional() })) });

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** 200 when every dependency answers, 503 otherwise; the body names each one's state. */
  @Get()
  @ZodResponse(200, healthSchema, 'Every dependency answers.')
  @ZodResponse(503, healthSchema, 'Some dependency does not answer; the body says which.')
  async health(@Res() res: Response): Promise<void> {
    await this.answer(res, () => true);
  }

  /** Readiness: 200 while the critical dependencies answer (a Kafka outage does not stop intake taking cases). */
  @Get('ready')
  @ZodResponse(200, healthSchema, 'The critical dependencies answer.')
  @ZodResponse(503, healthSchema, 'A critical dependency does not answer.')
  async ready(@Res() res: Response): Promise<void> {
    await this.answer(res, (d) => d.critical);
  }

  /** Liveness: the process answers; restarting it would not cure a dependency outage. */
  @Get('live')
  @ZodResponse(200, z.object({ status: z.literal('up') }))
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  private async answer(res: Response, counts: (d: DependencyState) => boolean): Promise<void> {
    const dependencies = await this.registry.run();
    const up = Object.values(dependencies).filter(counts).every((d) => d.status === 'up');
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: up ? 'up' : 'down', dependencies });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
