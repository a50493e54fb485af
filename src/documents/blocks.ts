// A version's text as a flat list of blocks (headings, paragraphs, list items): what comparisons and search work on.

export type BlockKind = 'h2' | 'h3' | 'h4' | 'p' | 'li';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Nesting level of a list item, 0 for the outermost list. */
  depth: number;
  /** Anchor of a heading, so a change can link to its section. */
  id?: string;
}

/** Text stood in for an MDX component (`<ContactBlock />`), one paragraph per line. */
export type ComponentText = Record<string, () => string[]>;

/** The stable anchor of a numbered section ("7. Les renseignements…" → "section-7"), shared by every version and language. */
export function sectionId(headingText: string): string | undefined {
  const match = /^(\d+)\.\s/.exec(headingText.trim());
  return match ? `section-${match[1]}` : undefined;
}

/** Inline Markdown reduced to its words: emphasis markers and link targets go, link text stays. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

export function toBlocks(markdown: string, components: ComponentText = {}): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', text: plain(paragraph.join(' ')), depth: 0 });
    paragraph = [];
  };
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const line of body.split('\n')) {
    const heading = /^(#{2,4})\s+(.*)$/.exec(line);
    const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    const component = /^<([A-Z]\w*)\s*\/>\s*$/.exec(line.trim());
    if (heading) {
      flush();
      const text = plain(heading[2]!);
      const id = sectionId(text);
      blocks.push({ kind: `h${heading[1]!.length}` as BlockKind, text, depth: 0, ...(id ? { id } : {}) });
    } else if (item) {
      flush();
      blocks.push({ kind: 'li', text: plain(item[2]!), depth: Math.floor(item[1]!.length / 2) });
    } else if (component) {
      flush();
      for (const text of components[component[1]!]?.() ?? []) blocks.push({ kind: 'p', text, depth: 0 });
    } else if (/^(import|export)\s/.test(line) || line.trim() === '') {
      flush();
    } else if (blocks.at(-1)?.kind === 'li' && paragraph.length === 0 && /^\s+\S/.test(line)) {
      // A list item's lazy continuation line belongs to the item.
      blocks.at(-1)!.text += ` ${plain(line)}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
