/**
 * The few lines of XML that GeoReport v2 needs (XML is the spec's required format). Written by
 * hand rather than adding a dependency: we only ever emit flat records, never parse XML.
 */
export type XmlNode = string | number | boolean | null | undefined | XmlNode[] | { [tag: string]: XmlNode };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** An array repeats the element under the same tag; null, undefined and '' become an empty element. */
function element(tag: string, value: XmlNode): string {
  if (Array.isArray(value)) return value.map((v) => element(tag, v)).join('');
  if (value === null || value === undefined || value === '') return `<${tag}/>`;
  if (typeof value === 'object') {
    return `<${tag}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** A whole document; the spec asks for the declaration with its encoding before the root. */
export const xmlDocument = (root: string, content: { [tag: string]: XmlNode }): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${element(root, content)}`;
