import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { maskPii } from '@fq/domain';

/** Nest's console logger with phone and ID numbers masked in every line it prints. */
export class MaskingLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    return maskPii(String(super.stringifyMessage(message, logLevel)));
  }

  protected override printStackTrace(stack: string | undefined): void {
    super.printStackTrace(stack ? maskPii(stack) : (stack as unknown as string));
  }
}
