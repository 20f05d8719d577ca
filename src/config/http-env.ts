import { type Environment, readSecret, SecretFileError } from './env.js';

export interface HttpSettings {
  /** The address the HTTP server listens on: HOST, else 127.0.0.1 (the container image sets 0.0.0.0). */
  host: string;
  /** METRICS_TOKEN (or its `_FILE`): when set, `/metrics` wants `Authorization: Bearer TOKEN`. */
  metricsToken?: string;
  problems: string[];
}

/**
 * The HTTP server's surface. Loopback by default, so a bot started on a laptop or a shared host
 * is not reachable from the network until someone says so; `/metrics` tells the world what
 * banwatch watches, so it can be closed with a token.
 */
export function readHttpSettings(env: Environment): HttpSettings {
  const problems: string[] = [];
  const host = env.HOST || '127.0.0.1';
  // An IP address or a host name; a URL or a port here is a mistake worth naming.
  if (!/^(?:[0-9a-f:.]+|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)$/i.test(host))
    problems.push('HOST: expected an address to listen on, e.g. 127.0.0.1 or 0.0.0.0');
  let metricsToken: string | undefined;
  try {
    metricsToken = readSecret(env, 'METRICS_TOKEN') || undefined;
  } catch (error) {
    if (!(error instanceof SecretFileError)) throw error;
    problems.push(error.message);
  }
  if (metricsToken !== undefined && metricsToken.length < 16)
    problems.push('METRICS_TOKEN: expected at least 16 characters');
  return { host, ...(metricsToken ? { metricsToken } : {}), problems };
}
