'use client';

import { useEffect, useState } from 'react';
import { UploadIcon } from '../ui/icons';
import { useI18n } from '../i18n/use-i18n';
import { useImportFile } from './use-import-file';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Drop a scenario `.json` anywhere on the page to open it; shows where it will land while dragging. */
export function FileDrop() {
  const importFile = useImportFile();
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [importFile]);
  if (!over) return null;
  return (
    <div data-testid="file-drop" className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-indigo-950/30 p-6 backdrop-blur-[1px]">
      <div className="flex items-center gap-3 rounded-2xl border-2 border-dashed border-indigo-400 bg-white px-6 py-5 text-sm font-medium text-indigo-900 shadow-xl dark:bg-slate-900 dark:text-indigo-100">
        <UploadIcon width={20} height={20} />
        {t('ui.playground.drop')}
      </div>
    </div>
  );
}
