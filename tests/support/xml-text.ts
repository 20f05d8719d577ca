/**
 * The text of an element in trusted fixture XML: CDATA unwrapped, the five XML references
 * decoded, runs of whitespace made one space. For reading fixtures in tests and the demo only;
 * banwatch itself parses feeds with a real XML parser.
 */
export function xmlText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
