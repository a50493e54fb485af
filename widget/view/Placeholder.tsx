// Stand-in for an embed (video, social post) until its category is accepted: names the provider, offers to load it.
import type { GateT } from '../i18n/translate.ts';

export interface PlaceholderProps {
  t: GateT;
  provider: string;
  /**
   * What this embed is (its iframe's title, else its provider): both buttons carry it in their names, so that two
   * placeholders on one page are told apart by a screen reader's list of buttons (WCAG 2.4.6, 2.5.3: the name begins
   * with the visible words).
   */
  name: string;
  /** The category's title in the widget's language. */
  category: string;
  /** What "always allow" allows: the category's title, or the provider's name when the embed names its service. */
  allows?: string;
  onLoad: () => void;
  onAllow: () => void;
}

export function Placeholder({ t, provider, name, category, allows = category, onLoad, onAllow }: PlaceholderProps) {
  const which = <span class="cc-vh">{t('gate.which', { name })}</span>;
  return (
    <div class="cc-gate">
      <p>{t('gate.text', { provider, category })}</p>
      <div class="cc-actions">
        <button type="button" onClick={onLoad}>
          {t('gate.load')}
          {which}
        </button>
        <button type="button" onClick={onAllow}>
          {t('gate.allow', { category: allows })}
          {which}
        </button>
      </div>
    </div>
  );
}
