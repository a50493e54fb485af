// Markdown plugin: numbered sections get anchors that survive rewording and translation ("7. …" → #section-7).
import { defineHastPlugin } from 'satteri';
import { sectionId } from './blocks.ts';

export const sectionIds = defineHastPlugin({
  name: 'section-ids',
  element: {
    filter: ['h2', 'h3'],
    visit(node, ctx) {
      const id = sectionId(ctx.textContent(node));
      if (id) ctx.setProperty(node, 'id', id);
    },
  },
});
