import { PlaygroundLoader } from '@/components/playground/playground-loader';
// The first frame (scripts/first-frame.ts) draws React Flow's markup before its code arrives.
import '@xyflow/react/dist/style.css';

export default function Page() {
  return <PlaygroundLoader />;
}
