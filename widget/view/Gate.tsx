// Stand-in for an embed (video, social post) until its category is accepted: names the provider, offers to load it.
import type { WidgetT } from '../i18n/index.ts';

export function Gate({ t, provider, category, onLoad, onAllow }: { t: WidgetT; provider: string; category: string; onLoad: () => void; onAllow: () => void }) {
  return (
    <div class="cc-gate">
      <p>{t('gate.text', { provider, category })}</p>
      <div class="cc-actions">
        <button type="button" onClick={onLoad}>
          {t('gate.load')}
        </button>
        <button type="button" onClick={onAllow}>
          {t('gate.allow', { category })}
        </button>
      </div>
    </div>
  );
}
