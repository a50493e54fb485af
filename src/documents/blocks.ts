// A version's text as a flat list of blocks (headings, paragraphs, list items): what comparisons and search work on.
// Read from the mdast tree of satteri, the MDX parser Astro renders the pages with, so a block is what the page shows.
import { mdxToMdast, type MdastNode } from 'satteri';

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

/**
 * The stable anchor of a numbered section ("7. Les renseignements…" → "section-7"), same in every version and language.
 */
export function sectionId(headingText: string): string | undefined {
  const match = /^(\d+)\.\s/.exec(headingText.trim());
  return match ? `section-${match[1]}` : undefined;
}

type Node = MdastNode & { value?: string; children?: Node[]; depth?: number; name?: string | null };

/** What a reader sees of inline content: emphasis and link targets go, words and line breaks as spaces stay. */
function words(node: Node): string {
  if (node.type === 'break') return ' ';
  if (typeof node.value === 'string' && node.type !== 'mdxjsEsm' && node.type !== 'yaml') return node.value;
  return (node.children ?? []).map(words).join('');
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

export function toBlocks(markdown: string, components: ComponentText = {}): Block[] {
  const blocks: Block[] = [];
  const visit = (node: Node, listDepth: number) => {
    switch (node.type) {
      case 'heading': {
        const text = squeeze(words(node));
        const level = Math.min(Math.max(node.depth ?? 2, 2), 4);
        const id = sectionId(text);
        blocks.push({ kind: `h${level}` as BlockKind, text, depth: 0, ...(id ? { id } : {}) });
        return;
      }
      case 'paragraph':
        blocks.push({ kind: 'p', text: squeeze(words(node)), depth: 0 });
        return;
      case 'list':
        for (const item of node.children ?? []) visit(item, listDepth + 1);
        return;
      case 'listItem': {
        // The item's own paragraphs make one block; a list inside it follows, one level deeper.
        const own = (node.children ?? []).filter((c) => c.type !== 'list');
        blocks.push({ kind: 'li', text: squeeze(own.map(words).join(' ')), depth: listDepth - 1 });
        for (const child of node.children ?? []) if (child.type === 'list') visit(child, listDepth);
        return;
      }
      case 'mdxJsxFlowElement':
        for (const text of components[node.name ?? '']?.() ?? []) blocks.push({ kind: 'p', text, depth: 0 });
        return;
      case 'yaml':
      case 'mdxjsEsm':
      case 'thematicBreak':
        return;
      default:
        for (const child of node.children ?? []) visit(child, listDepth);
    }
  };
  visit(mdxToMdast(markdown) as Node, 0);
  return blocks.filter((b) => b.text !== '');
}
