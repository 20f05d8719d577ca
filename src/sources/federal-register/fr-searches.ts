/** One `documents.json` search: a term (or an OR of names), limited to agencies or to presidential documents. */
export interface Search {
  term: string;
  label: string;
  presidential?: boolean;
}

const NAMES_PER_SEARCH = 8;

export function searches(definition: {
  terms: readonly string[];
  vendorNames?: readonly string[];
  presidential?: boolean;
}): Search[] {
  const quote = (term: string) => (/\s/.test(term) && !/^".*"$/.test(term) ? `"${term}"` : term);
  const list: Search[] = definition.terms.map((term) => ({ term: quote(term), label: `term "${term}"` }));
  const names = [...new Set(definition.vendorNames ?? [])].filter((name) => name.trim().length >= 3);
  for (let i = 0; i < names.length; i += NAMES_PER_SEARCH) {
    const group = names.slice(i, i + NAMES_PER_SEARCH);
    list.push({ term: group.map((name) => `"${name.replace(/"/g, '')}"`).join(' | '), label: `vendors ${group[0]}…` });
  }
  if (definition.presidential)
    for (const term of definition.terms)
      list.push({ term: quote(term), label: `presidential documents, term "${term}"`, presidential: true });
  return list;
}
