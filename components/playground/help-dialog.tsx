'use client';

import { useShallow } from 'zustand/react/shallow';
import { useUi } from '@/stores/playback-context';
import { selectUiActions } from '@/stores/ui-selectors';
import { useI18n } from '../i18n/use-i18n';
import { COMMANDS, commandLabel, groupLabel, keyLabel, type CommandGroup } from '../panels/commands';
import { Modal } from '../ui/modal';

const GROUPS: CommandGroup[] = ['Playback', 'Editing', 'View', 'Node faults', 'Link faults'];
const MENU_NOTE: Partial<Record<CommandGroup, string>> = {
  'Node faults': 'ui.playground.help-nodeMenu',
  'Link faults': 'ui.playground.help-linkMenu',
};

/** Every command in the registry with its keys: the help the ? key opens. */
export default function HelpDialog() {
  const { openDialog: close } = useUi(useShallow(selectUiActions));
  const i18n = useI18n();
  const { t } = i18n;
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Modal title={t('ui.playground.help-title')} testId="help-dialog" onClose={() => close(null)} size="lg">
      <div className="grid gap-x-8 gap-y-5 px-5 py-4 sm:grid-cols-2">
        {GROUPS.map((g) => (
          <section key={g} aria-labelledby={`help-${g}`}>
            <h3 id={`help-${g}`} className="mb-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
              {groupLabel(g, i18n)}
            </h3>
            {MENU_NOTE[g] && <p className="mb-1.5 text-xs text-slate-600 dark:text-slate-400">{t(MENU_NOTE[g])}</p>}
            <dl className="space-y-1">
              {COMMANDS.filter((c) => c.group === g).map((c) => (
                <div key={c.name} className="flex items-baseline gap-3 text-sm" data-testid="help-command">
                  <dt className="min-w-0 flex-1 text-slate-700 dark:text-slate-300">
                    {commandLabel(c, i18n)}
                    {c.input && <span className="text-slate-500 dark:text-slate-400"> N {/\d/.test(c.input.unit) ? `(${c.input.unit})` : c.input.unit}</span>}
                  </dt>
                  <dd className="flex shrink-0 flex-wrap justify-end gap-1">
                    {c.keys.map((k) => (
                      <kbd key={keyLabel(k)} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-[11px] text-slate-700 shadow-[0_1px_0] shadow-slate-300 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:shadow-slate-700">
                        {keyLabel(k, mac)}
                      </kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
