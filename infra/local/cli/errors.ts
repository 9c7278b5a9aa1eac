// The CLI's exit codes (the contract scripts rely on), and the error that carries one.
export const EXIT = { ok: 0, refused: 1, usage: 2, unavailable: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** The problem+json the API answered, printed as is with --json. */
    readonly problem?: unknown,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);
