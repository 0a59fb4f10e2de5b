/**
 * The config an `astro build` command line names (`--config file` or `--config=file`), and the
 * command line without it. @example configOption(['--force', '--config', 'a.mjs']) // { config: 'a.mjs', rest: ['--force'] }
 */
export function configOption(args: readonly string[]): { config: string | undefined; rest: string[] } {
  const at = args.findIndex((arg) => arg === '--config' || arg.startsWith('--config='));
  if (at === -1) return { config: undefined, rest: [...args] };
  const joined = args[at]!.startsWith('--config=');
  return {
    config: joined ? args[at]!.slice('--config='.length) : args[at + 1],
    rest: args.filter((_, i) => i !== at && (joined || i !== at + 1)),
  };
}
