import { INVARIANTS } from '../invariants/catalog';
import { NODE_KINDS } from '../models/catalog';
import { p } from '../core/phrase';
import { NODE_PARAMS } from '../models/params-catalog';
import { formatIssues, formatPath, issueMessage, issueSay, moreProblems } from './errors';
import { migrate } from './migrate';
import { problem } from './problems';
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
  const shaped = scenarioV1.safeParse(migrated.value, { error: issueMessage, reportInput: true });
  if (!shaped.success) return { ok: false, errors: formatIssues(shaped.error.issues) };
  const s = shaped.data;
  const errors: string[] = [];
  const nodeIds = new Map<string, number>();
  s.nodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) errors.push(problem(`nodes[${i}].id: "${n.id}" is used by nodes[${nodeIds.get(n.id)}] too`, p('scenario.problem-nodeIdTaken', { i, id: n.id, other: nodeIds.get(n.id)! })));
    nodeIds.set(n.id, i);
    const kind = Object.hasOwn(NODE_KINDS, n.type) ? NODE_KINDS[n.type] : undefined;
    if (!kind) {
      const known = Object.keys(NODE_KINDS).join(', ');
      errors.push(problem(`nodes[${i}].type: unknown node type "${n.type}" (known: ${known})`, p('scenario.problem-unknownType', { i, type: n.type, known })));
      return;
    }
    const params = NODE_PARAMS[n.type].safeParse(n.params, { error: issueMessage, reportInput: true });
    if (!params.success) {
      for (const iss of params.error.issues.slice(0, 3)) {
        const path = formatPath(['nodes', i, 'params', ...iss.path]);
        errors.push(problem(`${path}: ${iss.message}`, p('scenario.problem-at', { path, problem: issueSay(iss) })));
      }
    } else n.params = params.data as Record<string, unknown>;
  });
  const edgeIds = new Set<string>();
  s.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) errors.push(problem(`edges[${i}].id: "${e.id}" is used by another edge`, p('scenario.problem-edgeIdTaken', { i, id: e.id })));
    edgeIds.add(e.id);
    const a = s.nodes[nodeIds.get(e.source) ?? -1];
    const b = s.nodes[nodeIds.get(e.target) ?? -1];
    if (!a) errors.push(problem(`edges[${i}].source: no node "${e.source}"`, p('scenario.problem-noNode', { path: `edges[${i}].source`, id: e.source })));
    if (!b) errors.push(problem(`edges[${i}].target: no node "${e.target}"`, p('scenario.problem-noNode', { path: `edges[${i}].target`, id: e.target })));
    if (a && b && e.source === e.target) errors.push(problem(`edges[${i}]: a node cannot link to itself`, p('scenario.problem-selfLink', { i })));
    else if (a && b && Object.hasOwn(NODE_KINDS, a.type) && !NODE_KINDS[a.type].linksTo.includes(b.type)) {
      errors.push(problem(`edges[${i}]: a ${a.type} cannot be linked to a ${b.type}`, p('scenario.problem-cannotLink', { i, a: a.type, b: b.type })));
    }
  });
  s.monitors.forEach((m, i) => {
    const known = Object.keys(INVARIANTS).join(', ');
    if (!Object.hasOwn(INVARIANTS, m)) errors.push(problem(`monitors[${i}]: unknown invariant "${m}" (known: ${known})`, p('scenario.problem-unknownInvariant', { i, id: m, known })));
  });
  s.interventions.forEach((iv, i) => {
    if ('node' in iv && !nodeIds.has(iv.node)) errors.push(problem(`interventions[${i}].node: no node "${iv.node}"`, p('scenario.problem-noNode', { path: `interventions[${i}].node`, id: iv.node })));
    if ('edge' in iv && !edgeIds.has(iv.edge)) errors.push(problem(`interventions[${i}].edge: no edge "${iv.edge}"`, p('scenario.problem-noEdge', { path: `interventions[${i}].edge`, id: iv.edge })));
  });
  if (errors.length > 0) return { ok: false, errors: errors.length > 5 ? [...errors.slice(0, 5), moreProblems(errors.length - 5)] : errors };
  return { ok: true, scenario: s };
}

/** Parses JSON text under size and shape limits, then validates it; a syntax error is reported with its position. */
export function parseScenarioJson(text: string): ParseResult {
  const data = parseUntrustedJson(text);
  return data.ok ? parseScenario(data.value) : data;
}
