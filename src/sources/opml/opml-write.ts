export interface OpmlEntry {
  url: string;
  title: string;
  /** Optional folder: entries with the same folder are grouped in one outline. */
  folder?: string;
}

function attr(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/** OPML 2.0 that feed readers import: one `type="rss"` outline per feed, grouped by folder. */
export function writeOpml(title: string, entries: readonly OpmlEntry[], now: Date): string {
  const outline = (entry: OpmlEntry, indent: string) =>
    `${indent}<outline type="rss" text="${attr(entry.title)}" title="${attr(entry.title)}" xmlUrl="${attr(entry.url)}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  const folders = new Map<string, OpmlEntry[]>();
  for (const entry of entries) {
    if (!entry.folder) lines.push(outline(entry, '    '));
    else folders.set(entry.folder, [...(folders.get(entry.folder) ?? []), entry]);
  }
  for (const [folder, members] of folders) {
    lines.push(`    <outline text="${attr(folder)}" title="${attr(folder)}">`);
    for (const member of members) lines.push(outline(member, '      '));
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>');
  return `${lines.join('\n')}\n`;
}
