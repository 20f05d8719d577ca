import type { SourceSettings } from '../config/load-config.js';

/** A government source the config names but that does not run, and why: `status` shows it. */
export interface SwitchedOffSource {
  id: string;
  name: string;
  type: string;
  intervalMs: number;
  off: string;
}

/**
 * The configured sources (and parts of them) left off for want of a key. buildSources leaves
 * such a source out and logs it once; this lets `status` say so for as long as it is off.
 */
export function switchedOffSources(configs: readonly SourceSettings[]): SwitchedOffSource[] {
  return configs.flatMap((config): SwitchedOffSource[] => {
    const entry = (name: string, off: string) => ({
      id: config.id,
      name: config.name ?? name,
      type: config.type,
      intervalMs: config.interval,
      off,
    });
    if (config.type === 'congress') {
      if (!config.apiKey)
        return [entry('Congress.gov', 'no Congress.gov API key: set CONGRESS_API_KEY (or CONGRESS_API_KEY_FILE)')];
      if (config.discover && !config.govinfo.apiKey)
        return [
          {
            ...entry('Congress.gov', 'full-text discovery off: set GOVINFO_API_KEY (or GOVINFO_API_KEY_FILE)'),
            id: `${config.id} (full text)`,
          },
        ];
    }
    if (config.type === 'legiscan' && !config.apiKey)
      return [entry('LegiScan', 'no LegiScan API key: set LEGISCAN_API_KEY (or LEGISCAN_API_KEY_FILE)')];
    return [];
  });
}
