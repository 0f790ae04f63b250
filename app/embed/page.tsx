import type { Metadata } from 'next';
import { EmbedPage } from '@/components/embed/embed-page';

export const metadata: Metadata = {
  title: 'Distributed Playground (embedded player)',
  // A player inside other people's pages: the playground itself is the page to find.
  robots: { index: false },
};

// A pinned theme (`theme=dark` in the address) must hold from the first paint: the player's own
// code applies it only after hydration, and a dark host page would see a light flash first.
const PIN_THEME = `try{var m=/[?#&]theme=(light|dark)(?=&|$)/.exec(location.search+'&'+location.hash);if(m)document.documentElement.dataset.theme=m[1]}catch(e){}`;

export default function Page() {
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: PIN_THEME }} />
      <EmbedPage />
    </>
  );
}
