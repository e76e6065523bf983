import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';

export type WorkerSpec = Omit<WorkerOptions, 'connection' | 'namespace'>;

/**
 * Runs a Temporal worker inside a service. If Temporal is away at boot it keeps trying, and if
 * the worker stops on an error it starts again, so the service itself stays up.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private worker?: Worker;
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly spec: WorkerSpec,
    health: HealthRegistry,
  ) {
    health.register(`worker:${spec.taskQueue}`, async () => {
      if (this.worker?.getState() !== 'RUNNING') throw new Error(`worker is ${this.worker?.getState() ?? 'not started'}`);
      // A workflow worker is the service itself; an activity worker beside an HTTP API is not.
    }, { critical: !spec.activities });
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      let connection: NativeConnection | undefined;
      try {
        connection = await NativeConnection.connect({ address: this.config.env.TEMPORAL_ADDRESS });
        this.worker = await Worker.create({ ...this.spec, connection, namespace: this.config.env.TEMPORAL_NAMESPACE });
        // Shut down while the worker was being created (bundling takes seconds): it was never
        // running, so nobody could stop it; running it now would never end.
        if (this.stopped) return;
        this.logger.log(`polling task queue ${this.spec.taskQueue}`);
        attempt = 0;
        await this.worker.run();
      } catch (e) {
        if (attempt === 1 || attempt % 10 === 0) this.logger.warn(`worker on ${this.spec.taskQueue}: ${(e as Error).message}; retrying`);
      } finally {
        await connection?.close().catch(() => undefined);
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, Math.min(1000 * Math.max(attempt, 1), 5000)));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.loop;
  }
}
