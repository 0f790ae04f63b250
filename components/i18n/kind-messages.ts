import type { Needs } from '@/engine/registry/needs';
import { registerKindAssets } from '@/stores/kind-loading';
import { useLocaleStore } from '@/stores/locale';
import { formatterFor, hasNamespace } from './use-i18n';

/**
 * A kind's narration is part of what showing a scenario waits for, like its code: its models'
 * and programs' namespaces and its card's, and the invariants' for a scenario with monitors. The page ships
 * those of its default scenario; any other kind's come with the rest of the catalog.
 */
function loaded(needs: Needs): boolean {
  const lang = useLocaleStore.getState().lang;
  return (
    needs.nodes.every((t) => hasNamespace(lang, ['model', t]) && hasNamespace(lang, ['ui', 'node', t])) &&
    needs.programs.every((k) => hasNamespace(lang, ['pattern', k])) &&
    (needs.monitors.length === 0 || hasNamespace(lang, ['invariants']))
  );
}

registerKindAssets({
  loaded,
  load: (needs) => (loaded(needs) ? Promise.resolve() : formatterFor(useLocaleStore.getState().lang).then(() => undefined)),
});
