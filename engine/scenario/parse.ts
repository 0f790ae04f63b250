import { INVARIANTS } from '../invariants/catalog';
import { NODE_KINDS } from '../models/catalog';
import { NODE_PARAMS } from '../models/params-catalog';
import { formatIssues, formatPath, issueMessage } from './errors';
import { migrate } from './migrate';
import { checkShape, parseUntrustedJson } from './safe-json';
import { scenarioV1, type Scenario } from './schema';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/**
 * Validates untrusted scenario data (from a URL, a file or the CLI): shape, then references
 * (ids unique, edges and interventions point at real nodes, params valid for each node type).
 * Every error names the JSON path and the problem. Never throws.
 */
export function parseScenario(input: unknown): ParseResult {
  const hostile = checkShape(input);
  if (hostile) return { ok: false, errors: [hostile] };
  const migrated = migrate(input);
  if (!migrated.ok) return migrated;
  const shaped = scenarioV1.safeParse(migrated.value, { error: issueMessage });
  if (!shaped.success) return { ok: false, errors: formatIssues(shaped.error.issues) };
  const s = shaped.data;
  const errors: string[] = [];
  const nodeIds = new Map<string, number>();
  s.nodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) errors.push(`nodes[${i}].id: "${n.id}" is used by nodes[${nodeIds.get(n.id)}] too`);
    nodeIds.set(n.id, i);
    const kind = Object.hasOwn(NODE_KINDS, n.type) ? NODE_KINDS[n.type] : undefined;
    if (!kind) {
      errors.push(`nodes[${i}].type: unknown node type "${n.type}" (known: ${Object.keys(NODE_KINDS).join(', ')})`);
      return;
    }
    const p = NODE_PARAMS[n.type].safeParse(n.params, { error: issueMessage });
    if (!p.success) {
      for (const iss of p.error.issues.slice(0, 3)) errors.push(`${formatPath(['nodes', i, 'params', ...iss.path])}: ${iss.message}`);
    } else n.params = p.data as Record<string, unknown>;
  });
  const edgeIds = new Set<string>();
  s.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) errors.push(`edges[${i}].id: "${e.id}" is used by another edge`);
    edgeIds.add(e.id);
    const a = s.nodes[nodeIds.get(e.source) ?? -1];
    const b = s.nodes[nodeIds.get(e.target) ?? -1];
    if (!a) errors.push(`edges[${i}].source: no node "${e.source}"`);
    if (!b) errors.push(`edges[${i}].target: no node "${e.target}"`);
    if (a && b && e.source === e.target) errors.push(`edges[${i}]: a node cannot link to itself`);
    else if (a && b && Object.hasOwn(NODE_KINDS, a.type) && !NODE_KINDS[a.type].linksTo.includes(b.type)) {
      errors.push(`edges[${i}]: a ${a.type} cannot be linked to a ${b.type}`);
    }
  });
  s.monitors.forEach((m, i) => {
    if (!Object.hasOwn(INVARIANTS, m)) errors.push(`monitors[${i}]: unknown invariant "${m}" (known: ${Object.keys(INVARIANTS).join(', ')})`);
  });
  s.interventions.forEach((iv, i) => {
    if ('node' in iv && !nodeIds.has(iv.node)) errors.push(`interventions[${i}].node: no node "${iv.node}"`);
    if ('edge' in iv && !edgeIds.has(iv.edge)) errors.push(`interventions[${i}].edge: no edge "${iv.edge}"`);
  });
  if (errors.length > 0) return { ok: false, errors: errors.length > 5 ? [...errors.slice(0, 5), `…and ${errors.length - 5} more problem(s)`] : errors };
  return { ok: true, scenario: s };
}

/** Parses JSON text under size and shape limits, then validates it; a syntax error is reported with its position. */
export function parseScenarioJson(text: string): ParseResult {
  const data = parseUntrustedJson(text);
  return data.ok ? parseScenario(data.value) : data;
}
