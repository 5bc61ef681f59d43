/**
 * Reading the form's pages in tests without a DOM: the renderers quote every
 * attribute with double quotes and escape every value, so start tags can be
 * read with a pattern.
 */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Where the tag starts in the document. */
  at: number;
}

export function tags(doc: string, name?: string): Tag[] {
  const found: Tag[] = [];
  for (const m of doc.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*>/g)) {
    if (name && m[1]!.toLowerCase() !== name) continue;
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
    found.push({ name: m[1]!.toLowerCase(), attrs, at: m.index! });
  }
  return found;
}

/** The element with this id. */
export const byId = (doc: string, id: string): Tag | undefined => tags(doc).find((t) => t.attrs.id === id);

/** What is between an element's start tag and its end tag (elements of the same name not nested). */
export function inner(doc: string, tag: Tag): string {
  const start = doc.indexOf('>', tag.at) + 1;
  return doc.slice(start, doc.indexOf(`</${tag.name}>`, start));
}

/** Text without tags (the renderers put a line break between blocks), entities left as they are, white space collapsed. */
export const text = (markup: string): string => markup.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

export const count = (doc: string, needle: string): number => doc.split(needle).length - 1;
