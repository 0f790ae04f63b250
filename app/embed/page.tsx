import type { Metadata } from 'next';
import { EmbedPage } from '@/components/embed/embed-page';

export const metadata: Metadata = {
  title: 'Distributed Playground (embedded player)',
  // A player inside other people's pages: the playground itself is the page to find.
  robots: { index: false },
};

export default function Page() {
  return <EmbedPage />;
}
