/**
 * Short names for the lists of the Consolidated Screening List, from the `source` column's
 * abbreviation ("Entity List (EL) - Bureau of Industry and Security" -> "Entity List"): alerts,
 * `lists` and the `lists:` filter all use these.
 */
const BY_ABBREVIATION: Record<string, string> = {
  EL: 'Entity List',
  MEU: 'Military End User',
  UVL: 'Unverified List',
  DPL: 'Denied Persons List',
  SDN: 'SDN',
  CMIC: 'Non-SDN CMIC',
  SSI: 'Sectoral Sanctions',
  FSE: 'Foreign Sanctions Evaders',
  'NS-MBS LIST': 'Non-SDN Menu-Based Sanctions',
  PLC: 'Palestinian Legislative Council',
  CAP: 'CAPTA List',
  DTC: 'ITAR Debarred',
  ISN: 'Nonproliferation Sanctions',
};

export function shortListName(source: string): string {
  const trimmed = source.trim();
  const abbreviation = /\(([^)]+)\)/.exec(trimmed)?.[1]?.toUpperCase();
  if (abbreviation && BY_ABBREVIATION[abbreviation]) return BY_ABBREVIATION[abbreviation];
  return trimmed.split(' - ')[0]?.trim() || trimmed;
}

/** True when a configured `lists:` filter names this list (short name, abbreviation or full text). */
export function listSelected(filter: readonly string[], list: string, source: string): boolean {
  if (!filter.length) return true;
  const wanted = filter.map((f) => f.trim().toLowerCase());
  const abbreviation = /\(([^)]+)\)/.exec(source)?.[1]?.toLowerCase();
  return wanted.some((w) => w === list.toLowerCase() || w === abbreviation || w === source.trim().toLowerCase());
}

/** The first citation of a `; `- or `, `-joined list ("84 FR 22961, 85 FR 29852" -> "84 FR 22961"). */
export function firstCitation(value: string | undefined): string | undefined {
  const first = value
    ?.split(/[;,]\s*(?=\d)/)[0]
    ?.trim()
    .replace(/\s+/g, ' ');
  return first || undefined;
}
