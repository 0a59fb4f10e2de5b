import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * How every command of the project reads its command line: Node's own parser, strict, with a
 * mistake turned into one short line (`unknown option --bogus`) that the command prints above its
 * usage, instead of Node's long message or a stack trace.
 */

/** A command line the command cannot use; the message names what is wrong in a few words. */
export class UsageError extends Error {}

/** Node's parser (strict unless told otherwise), with its ERR_PARSE_ARGS_* errors turned into a UsageError with a short message. */
export function readCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    throw new UsageError(shortMessage(code, (error as Error).message));
  }
}

/**
 * @example shortMessage('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--bogus'. To specify …") // 'unknown option --bogus'
 */
export function shortMessage(code: string, message: string): string {
  const named = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named) return `unknown option ${named}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && named) return `unexpected argument ${named}`;
  const first = message.split(/\.\s/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
}

/**
 * Runs a command's main function with its usage: a UsageError prints `<command>: <message>` and the
 * usage and exits 2; anything else is the command's own business.
 */
export function withUsage<R>(command: string, usage: string, main: () => R): R {
  try {
    return main();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${command}: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
}
