/** A link for ranking: from `source` to `target`, `minlen` layers apart at least. */
export interface RankEdge {
  source: number;
  target: number;
  minlen: number;
}

/** How many sweeps the ordering makes (down and up count one each); more barely changes a big graph. */
const SWEEPS = 8;

/**
 * Layer and order of `n` nodes (by index) for links `edges`, in linear time per sweep: what
 * dagre's ranking and ordering give, approximately, for graphs too big to wait for dagre on
 * (its network simplex took ~100 ms of opening a 300-node scenario). Links closing a cycle (found
 * by a depth-first search in index order) are ignored; each node goes one `minlen` past its
 * furthest predecessor, and a node with no predecessor is pulled right up to its nearest
 * successor, so a client sits next to the server it calls. Within a layer, nodes are sorted by
 * the mean order of their neighbours in the layer before, then after, alternately (the
 * barycentre heuristic), ties keeping the earlier order. Deterministic: plain arithmetic on
 * indices.
 */
export function layerOrder(n: number, edges: readonly RankEdge[]): { layer: number[]; order: number[] } {
  const out: RankEdge[][] = Array.from({ length: n }, () => []);
  for (const e of edges) if (e.source !== e.target) out[e.source].push(e);
  const forward = acyclic(n, out);
  const preds: RankEdge[][] = Array.from({ length: n }, () => []);
  for (const e of forward) preds[e.target].push(e);

  // Longest path from the sources, in a topological order.
  const layer = new Array<number>(n).fill(0);
  const topo = topological(n, forward);
  for (const v of topo) for (const e of preds[v]) layer[v] = Math.max(layer[v], layer[e.source] + e.minlen);
  const succs: RankEdge[][] = Array.from({ length: n }, () => []);
  for (const e of forward) succs[e.source].push(e);
  for (let k = topo.length - 1; k >= 0; k--) {
    const v = topo[k];
    if (preds[v].length > 0 || succs[v].length === 0) continue;
    layer[v] = Math.min(...succs[v].map((e) => layer[e.target] - e.minlen));
  }

  const layers: number[][] = [];
  for (let v = 0; v < n; v++) (layers[layer[v]] ??= []).push(v);
  const pos = new Array<number>(n).fill(0);
  const place = () => {
    for (const members of layers) members?.forEach((v, i) => (pos[v] = i));
  };
  place();
  const neighbours = (v: number, down: boolean) => (down ? preds[v].map((e) => e.source) : succs[v].map((e) => e.target));
  for (let s = 0; s < SWEEPS; s++) {
    const down = s % 2 === 0;
    const from = down ? 0 : layers.length - 1;
    for (let l = from; down ? l < layers.length : l >= 0; l += down ? 1 : -1) {
      const members = layers[l];
      if (!members) continue;
      const key = new Map<number, number>();
      for (const v of members) {
        const ns = neighbours(v, down);
        // A node without neighbours on that side keeps its place.
        key.set(v, ns.length === 0 ? pos[v] : ns.reduce((sum, u) => sum + pos[u], 0) / ns.length);
      }
      members.sort((a, b) => key.get(a)! - key.get(b)! || pos[a] - pos[b]);
      members.forEach((v, i) => (pos[v] = i));
    }
  }
  const low = Math.min(0, ...layer);
  return { layer: layer.map((l) => l - low), order: pos };
}

/** The links that do not close a cycle, by a depth-first search from each node in index order. */
function acyclic(n: number, out: readonly RankEdge[][]): RankEdge[] {
  const state = new Uint8Array(n); // 0 unseen, 1 on the stack, 2 done
  const kept: RankEdge[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    // Iterative, so a long chain cannot overflow the call stack.
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i === out[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const e = out[v][i];
      if (state[e.target] === 1) continue;
      kept.push(e);
      if (state[e.target] === 0) {
        state[e.target] = 1;
        stack.push([e.target, 0]);
      }
    }
  }
  return kept;
}

/** Nodes in an order where every link runs forward (Kahn's algorithm, in the order nodes become ready). */
function topological(n: number, edges: readonly RankEdge[]): number[] {
  const indegree = new Array<number>(n).fill(0);
  const next: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    indegree[e.target]++;
    next[e.source].push(e.target);
  }
  const ready: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) ready.push(v);
  const order: number[] = [];
  for (let k = 0; k < ready.length; k++) {
    const v = ready[k];
    order.push(v);
    for (const w of next[v]) if (--indegree[w] === 0) ready.push(w);
  }
  return order;
}
