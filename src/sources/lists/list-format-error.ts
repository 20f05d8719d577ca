import { BanwatchError } from '../../shared/errors.js';

/** A list file that is not in the format its source expects: an error of that source, never a crash. */
export class ListFormatError extends BanwatchError {
  constructor(message: string) {
    super('LIST_FORMAT', message);
    this.name = 'ListFormatError';
  }
}
