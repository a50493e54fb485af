// JSON as the function reads every body: one value per key. JSON.parse keeps the last of a key given twice, so two
// readers (a proxy, a log, a second service) could each see another request in the same bytes; like a form field given
// twice (http.ts parseForm), the whole body is refused instead (RFC 8259 s. 4: names "SHOULD be unique").
import { type AnyNode, parse } from '@humanwhocodes/momoa';

/** Whether any object in the document names a key twice (momoa's syntax tree keeps every member, in order). */
function repeats(node: AnyNode): boolean {
  if (node.type === 'Document') return repeats(node.body);
  if (node.type === 'Array') return node.elements.some((element) => repeats(element.value));
  if (node.type !== 'Object') return false;
  const names = new Set<string>();
  for (const member of node.members) {
    const name = member.name.type === 'String' ? member.name.value : member.name.name;
    if (names.has(name)) return true;
    names.add(name);
    if (repeats(member.value)) return true;
  }
  return false;
}

/**
 * The value of a JSON text, or undefined for bad syntax, a key given twice, or nesting deep enough to exhaust the
 * stack. The value itself comes from JSON.parse, the platform's own reader, once the text has passed.
 */
export function strictJson(text: string): unknown {
  try {
    if (repeats(parse(text, { mode: 'json' }))) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
