import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { ConfigError } from './errors.js';

/**
 * A YAML file's value (1.2 core schema: no dates or other implicit types beyond null, booleans
 * and numbers; a repeated key is an error), or a ConfigError naming the file and where it broke.
 * One parser for every YAML file banwatch reads: js-yaml, which read a config listing 100,000
 * feeds (10 MB) in 0.6 s and 163 MB where the `yaml` package took 13 s and 1 GB (issue 24).
 */
export function parseYamlText(source: string, text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // js-yaml's message adds a source excerpt over several lines; the report is one line a problem.
    const at = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
    throw new ConfigError([`${source}: not valid YAML${at}: ${error.reason}`]);
  }
}
