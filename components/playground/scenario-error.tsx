import { useI18n } from '../i18n/use-i18n';

/** Shown instead of the player when a scenario does not validate: what is wrong, and where. */
export function ScenarioError({ title, errors }: { title: string; errors: string[] }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="mx-auto mt-16 max-w-xl rounded-xl border border-red-300 bg-red-50 p-6 text-sm dark:border-red-800 dark:bg-red-950/50">
      <h2 className="mb-2 text-base font-semibold text-red-800 dark:text-red-200">{t('ui.playground.notLoaded', { title })}</h2>
      <ul className="list-disc space-y-1 pl-5 font-mono text-xs text-red-700 dark:text-red-300">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
