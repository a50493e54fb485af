// The core as the dialog reads it, from the context the binding provides (embed/draw.ts). A hook: only the dialog's
// chunk, which brings preact/hooks, uses it; the banner's part is drawn from props alone.
import { useContext } from 'preact/hooks';
import { Core, type CoreApi } from './core.ts';

export function useCore(): CoreApi {
  const core = useContext(Core);
  if (!core) throw new Error('The consent view is rendered outside its core.');
  return core;
}
