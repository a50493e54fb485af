// Draws a blocked embed's placeholder, in a chunk per language (placeholder-fr.ts, placeholder-en.ts) loaded the first
// time a page has one, so that neither the banner nor the dialog carries it. Preact and the styles come with the view.
import { h, render } from 'preact';
import type { Lang } from '../declaration/index.ts';
import { type GateWords, translator } from '../i18n/translate.ts';
import { Placeholder } from '../view/Placeholder.tsx';
import type { GateSpec } from './frames.ts';
import { isolated } from './mount.ts';

/** A placeholder for gated content, naming its provider or category in the widget's language. */
export function drawGate(spec: GateSpec, { strings, titles }: GateWords, lang: Lang): void {
  const category = titles[spec.category] ?? spec.category;
  spec.host.lang = lang;
  spec.host.dir = 'ltr';
  render(
    h(Placeholder, {
      t: translator(strings),
      provider: spec.provider,
      name: spec.name,
      category,
      allows: spec.service ? spec.provider : category,
      onLoad: spec.onLoad,
      onAllow: spec.onAllow,
    }),
    isolated(spec.host),
  );
}
