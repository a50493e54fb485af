// The three choices of equal weight: accept, refuse, and customise (banner) or save (dialog).
import type { Translate, WidgetKey } from '../i18n/translate.ts';
import type { CoreApi } from './core.ts';

export interface ActionsProps {
  t: Translate<WidgetKey>;
  core: Pick<CoreApi, 'acceptAll' | 'refuseAll' | 'openPreferences'>;
  /** The dialog's submit button in place of "customise". */
  save?: string | undefined;
}

export function Actions({ t, core: { acceptAll, refuseAll, openPreferences }, save }: ActionsProps) {
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
