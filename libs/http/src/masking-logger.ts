import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { maskPii } from '@fq/domain';

/** Nest's console logger with phone and ID numbers masked in every line it prints. */
export class MaskingLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    return maskPii(String(super.stringifyMessage(message, logLevel)));
  }

  /** Nest calls this for every error line, with no stack when none was given. */
  protected override printStackTrace(stack: string | undefined): void {
    if (stack) super.printStackTrace(maskPii(stack));
  }
}
