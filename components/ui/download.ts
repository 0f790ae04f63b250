import type { Scenario } from '@/engine/scenario/schema';
import { fileNameFor, scenarioJson } from '@/stores/persistence/files';

/** Offers a scenario as a `.json` download. */
export function downloadScenario(s: Scenario): void {
  const url = URL.createObjectURL(new Blob([scenarioJson(s)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(s);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
