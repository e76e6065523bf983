import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** An upload that no case has taken within this time is deleted (the web form attaches within minutes). */
export const UNATTACHED_TTL_HOURS = 24;
const SWEEP_EVERY_MS = 3_600_000;

/**
 * Deletes uploads never attached to a case: anyone may upload (rate-limited), so files a form was
 * abandoned with must not pile up. Runs every hour in each intake instance; deleting the same rows
 * twice is harmless, and an attach racing a sweep either wins or answers ATTACHMENT_NOT_FOUND.
 */
@Injectable()
export class AttachmentSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AttachmentSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((e: unknown) => this.logger.warn(`sweeping unattached uploads failed: ${String(e)}`));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes unattached uploads older than `hours` (their bytes go with them); answers how many. */
  async sweep(hours = UNATTACHED_TTL_HOURS): Promise<number> {
    const [, deleted] = (await this.ds.query(`DELETE FROM intake.attachments WHERE case_number IS NULL AND uploaded_at < now() - make_interval(hours => $1)`, [hours])) as [unknown, number];
    if (deleted) this.logger.log(`deleted ${deleted} upload(s) no case took within ${hours} h`);
    return deleted;
  }
}
