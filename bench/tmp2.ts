import { EventHeap } from '@/engine/core/heap';
import { nextFloat, seedRng } from '@/engine/core/rng';
for (let r = 0; r < 4; r++) {
  const h = new EventHeap<{a:number,b:number}>(1024);
  const rng = seedRng(1);
  let seq = 0;
  for (let i = 0; i < 1000; i++) h.push(nextFloat(rng) * 10, seq++, {a:i,b:0});
  const t0 = performance.now();
  for (let i = 0; i < 2_000_000; i++) {
    const t = h.peekTime();
    const it = h.pop()!;
    h.push(t + 1 + nextFloat(rng) * 9, seq++, {a: it.a, b: t});
  }
  console.log(Math.round(2e6 / (performance.now() - t0) * 1000), h.size);
}
