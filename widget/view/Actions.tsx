// The three choices of equal weight: accept, refuse, and customise (banner) or save (dialog).
import type { Translate, WidgetKey } from '../i18n/translate.ts';
import { useCore } from './core.ts';

export function Actions({ t, save }: { t: Translate<WidgetKey>; save?: string }) {
  const { acceptAll, refuseAll, openPreferences } = useCore();
  return (
    <div class="cc-actions">
      <button type="button" onClick={() => acceptAll()}>
        {t('action.acceptAll')}
      </button>
      <button type="button" onClick={() => refuseAll()}>
        {t('action.refuseAll')}
      </button>
      {save ? (
        <button type="submit">{save}</button>
      ) : (
        <button type="button" onClick={openPreferences}>
          {t('action.customise')}
        </button>
      )}
    </div>
  );
}
