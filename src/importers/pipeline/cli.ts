/**
 * How every importer's command line ends: a mistake in how it was called (a missing option, a
 * malformed one) is explained with the usage and exit code 2; any other error is a bug and
 * is thrown as it is, with its stack.
 */

/** A mistake in how the command was called, explained to the person with the usage. */
export class UsageError extends Error {}

export function runCli(name: string, usage: string, main: (argv: string[]) => number): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    // parseArgs reports unknown or malformed options as ERR_PARSE_ARGS_* errors.
    const code = (error as { code?: unknown }).code;
    const argsError = typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !argsError) throw error;
    console.error(`${name}: ${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
  }
}
