'use client';

import dynamic from 'next/dynamic';
import { useUi } from '@/stores/playback-context';
import { selectDialog } from '@/stores/ui-selectors';

// Loaded when first opened, to keep them out of the first page load.
const GalleryDialog = dynamic(() => import('./gallery-dialog'), { ssr: false });
const HelpDialog = dynamic(() => import('./help-dialog'), { ssr: false });
const ShareDialog = dynamic(() => import('./share-dialog'), { ssr: false });
const SavesDialog = dynamic(() => import('./saves-dialog'), { ssr: false });
const EmbedDialog = dynamic(() => import('./embed-dialog'), { ssr: false });

/** Whichever dialog is open. */
export function Dialogs() {
  const dialog = useUi(selectDialog);
  if (dialog === 'gallery') return <GalleryDialog />;
  if (dialog === 'help') return <HelpDialog />;
  if (dialog === 'share') return <ShareDialog />;
  if (dialog === 'saves') return <SavesDialog />;
  if (dialog === 'embed') return <EmbedDialog />;
  return null;
}
