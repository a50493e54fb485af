// Stand-in for an embed (video, social post) until its category is accepted: names the provider, offers to load it.
import type { GateT } from '../i18n/translate.ts';

export interface PlaceholderProps {
  t: GateT;
  provider: string;
  /** The category's title in the widget's language. */
  category: string;
  /** What "always allow" allows: the category's title, or the provider's name when the embed names its service. */
  allows?: string;
  onLoad: () => void;
  onAllow: () => void;
}

export function Placeholder({ t, provider, category, allows = category, onLoad, onAllow }: PlaceholderProps) {
  return (
    <div class="cc-gate">
      <p>{t('gate.text', { provider, category })}</p>
      <div class="cc-actions">
        <button type="button" onClick={onLoad}>
          {t('gate.load')}
        </button>
        <button type="button" onClick={onAllow}>
          {t('gate.allow', { category: allows })}
        </button>
      </div>
    </div>
  );
}
