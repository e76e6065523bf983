import { Controller, Get, HttpStatus, Injectable, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import type { Response } from 'express';

export type HealthCheck = () => Promise<void>;
export interface DependencyState {
  status: 'up' | 'down';
  error?: string;
}

/** Each module that holds a connection registers a check; /health runs them all with a timeout. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(timeoutMs = 2000): Promise<Record<string, DependencyState>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, DependencyState]> => {
        try {
          await withTimeout(check(), timeoutMs);
          return [name, { status: 'up' }];
        } catch (e) {
          return [name, { status: 'down', error: e instanceof Error ? e.message : String(e) }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** 200 when every dependency answers, 503 otherwise; the body names each one's state. */
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const dependencies = await this.registry.run();
    const up = Object.values(dependencies).every((d) => d.status === 'up');
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
