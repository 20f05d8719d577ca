import { UserError } from '../shared/errors.js';

/** Options every subcommand understands, taken out of the argument list wherever they stand. */
export interface GlobalOptions {
  config?: string;
  channel?: string;
  json: boolean;
  rest: string[];
}

const WITH_VALUE = new Set(['--config', '--channel']);

export function parseGlobalOptions(argv: readonly string[]): GlobalOptions {
  const options: GlobalOptions = { json: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.includes('=') && arg.startsWith('--')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UserError('MISSING_VALUE', `${flag} needs a value`);
      if (flag === '--config') options.config = value;
      else options.channel = value;
    } else if (flag === '--json') options.json = true;
    else options.rest.push(arg);
  }
  return options;
}
