'use client';

import { useCallback, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS } from '@/engine/models/catalog';
import { NODE_PARAMS } from '@/engine/models/params-catalog';
import { kindBlurb, kindTitle } from '@/engine/models/kind';
import { PROGRAM_KINDS } from '@/engine/patterns/catalog';
import { programTitle } from '@/engine/patterns/kind';
import type { Say } from '@/engine/core/phrase';
import { linkParamsSchema, type ScenarioEdge } from '@/engine/scenario/schema';
import { applyEdit } from '@/stores/kind-loading';
import { fillProgram } from '@/stores/program-switch';
import { usePlayback, usePlaybackStore, useUi, useUiStore } from '@/stores/playback-context';
import { withEdgeParams, withNodeLabel, withNodeParams, withoutElements } from '@/stores/scenario-edits';
import { selectLabels, selectLinkLive, selectScenario } from '@/stores/selectors';
import { selectSelection } from '@/stores/ui-selectors';
import { LinksSection } from './links-section';
import { SchemaForm } from './schema-form';
import { StateTree } from './state-tree';
import { linkName } from '../intervention-text';
import { nodeUi } from '../../nodes/catalog';
import { PROGRAM_FIELDS } from '../../nodes/programs';
import { useNodeLive } from '../../nodes/use-node-live';
import { BoltIcon } from '../../ui/icons';
import { button, sectionTitle } from '../../ui/styles';
import { useI18n } from '../../i18n/use-i18n';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 px-4 py-3 first:border-t-0 dark:border-slate-800">
      <h3 className={`mb-2 ${sectionTitle}`}>{title}</h3>
      {children}
    </section>
  );
}

/** Fault menu and delete for the selected element. */
function Actions({ kind, id }: { kind: 'node' | 'edge'; id: string }) {
  const ui = useUiStore();
  const playback = usePlaybackStore();
  const { t } = useI18n();
  return (
    <div className="mt-3 flex gap-2">
      <button
        type="button"
        data-testid="inspector-faults"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          ui.getState().openMenu({ kind, id, x: r.left, y: r.bottom + 4 });
        }}
        className={`${button} h-8 text-xs`}
      >
        <BoltIcon width={14} height={14} />
        {t('ui.panels-inspector.inject')}
      </button>
      <button
        type="button"
        data-testid="inspector-delete"
        onClick={() => {
          const st = playback.getState();
          st.apply(withoutElements(st.scenario, kind === 'node' ? [id] : [], kind === 'edge' ? [id] : []));
        }}
        className={`${button} h-8 text-xs text-red-700 dark:text-red-300`}
      >
        {t('ui.panels-inspector.delete')}
      </button>
    </div>
  );
}

/** The node's name on the canvas, edited in place (applied on Enter or when leaving the field). */
function LabelField({ id, label }: { id: string; label: string }) {
  const playback = usePlaybackStore();
  const [text, setText] = useState(label);
  const [seen, setSeen] = useState(label);
  if (seen !== label) {
    setSeen(label);
    setText(label);
  }
  const { t } = useI18n();
  const commit = () => {
    const st = playback.getState();
    if (text.trim() !== label) st.apply(withNodeLabel(st.scenario, id, text));
  };
  return (
    <input
      aria-label={t('ui.panels-inspector.label')}
      data-testid="inspector-label"
      value={text}
      maxLength={60}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      className="-mx-1 w-full min-w-0 rounded-md border border-transparent bg-transparent px-1 text-base font-semibold hover:border-slate-300 focus:border-indigo-500 focus:outline-none dark:hover:border-slate-600"
    />
  );
}

/** A client program's title, for the program picker (none for a tag that is not a program). */
const programTitleOf = (kind: string): Say | undefined => (Object.hasOwn(PROGRAM_KINDS, kind) ? programTitle(kind) : undefined);

function NodeInspector({ id }: { id: string }) {
  const scenario = usePlayback(selectScenario);
  const node = scenario.nodes.find((n) => n.id === id);
  // The name as the canvas shows it: a built-in's label in the reader's language. Left as it is, it is not written back.
  const name = usePlayback(selectLabels)[id] ?? id;
  const live = useNodeLive(id);
  const playback = usePlaybackStore();
  // A client switched to another program talks to the linked server of the right kind at once.
  const fill = useCallback((k: string, fresh: Record<string, unknown>) => fillProgram(scenario, id, k, fresh), [scenario, id]);
  // The card's warnings follow what is being typed, before it is applied.
  const ui = useUiStore();
  const onDraft = useCallback((d: unknown) => ui.getState().setDraft(d ? { id, params: d as Record<string, unknown> } : null), [ui, id]);
  const { t, say } = useI18n();
  if (!node) return null;
  const kind = NODE_KINDS[node.type];
  const style = nodeUi(node.type);
  const offset = live.localNow - live.now;
  return (
    <div data-testid="inspector" data-kind="node" data-id={id}>
      <div className="px-4 pt-3 pb-3">
        <div className="flex items-center gap-2">
          <span className={`grid h-8 w-8 shrink-0 place-items-center rounded-lg text-white ${style.tone}`}>{style.icon(16)}</span>
          <div className="min-w-0 flex-1">
            <LabelField id={id} label={name} />
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t('ui.panels-inspector.nodeKind', { kind: kind ? say(kindTitle(kind.type)) : node.type })}
              <span className="font-mono">{node.id}</span>
            </p>
          </div>
        </div>
        {kind && <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{say(kindBlurb(kind.type))}</p>}
        <Actions kind="node" id={id} />
      </div>
      {kind && (
        <Section title={t('ui.panels-inspector.parameters')}>
          <SchemaForm
            id={`node-${id}`}
            schema={NODE_PARAMS[kind.type]}
            value={node.params}
            fields={style.fields}
            variantFields={PROGRAM_FIELDS}
            fillVariant={node.type === 'client' ? fill : undefined}
            variantTitle={node.type === 'client' ? programTitleOf : undefined}
            onDraft={node.type === 'client' ? onDraft : undefined}
            // A client switched to another program may need that program's code first.
            onApply={(v) => applyEdit(playback, (s) => withNodeParams(s, id, v as Record<string, unknown>))}
          />
        </Section>
      )}
      <Section title={t('ui.panels-inspector.links')}>
        <LinksSection id={id} />
      </Section>
      <Section title={t('ui.panels-inspector.stateNow')}>
        <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
          <dt className="text-slate-600 dark:text-slate-400">{t('ui.panels-inspector.status')}</dt>
          <dd data-testid="inspector-status" className="font-medium">
            {t('ui.panels-inspector.statusValue', { status: live.status })}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('ui.panels-inspector.clock')}</dt>
          <dd className="font-mono">
            {`${live.localNow.toFixed(1)} ms`}
            {Math.abs(offset) >= 0.5 && t('ui.panels-inspector.clockOff', { off: `${offset > 0 ? '+' : '−'}${Math.abs(offset).toFixed(0)}` })}
          </dd>
        </dl>
        <StateTree value={live.state} label={t('ui.panels-inspector.stateOf', { name })} />
      </Section>
    </div>
  );
}

function EdgeInspector({ id }: { id: string }) {
  const scenario = usePlayback(selectScenario);
  const labels = usePlayback(selectLabels);
  const live = usePlayback(useShallow((s) => selectLinkLive(s, id)));
  const playback = usePlaybackStore();
  const edge = scenario.edges.find((e) => e.id === id);
  const { t } = useI18n();
  if (!edge) return null;
  return (
    <div data-testid="inspector" data-kind="edge" data-id={id}>
      <div className="px-4 pt-3 pb-3">
        <p className="text-base font-semibold">{linkName(scenario, labels, id)}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t('ui.panels-inspector.linkKind')}
          <span className="font-mono">{id}</span>
          {t('ui.panels-inspector.linkBothWays')}
        </p>
        <Actions kind="edge" id={id} />
      </div>
      <Section title={t('ui.panels-inspector.parameters')}>
        <SchemaForm
          id={`edge-${id}`}
          schema={linkParamsSchema}
          value={edge.params}
          onApply={(v) => {
            const st = playback.getState();
            return st.apply(withEdgeParams(st.scenario, id, v as ScenarioEdge['params']));
          }}
        />
      </Section>
      <Section title={t('ui.panels-inspector.stateNow')}>{live && <StateTree value={live} label={t('ui.panels-inspector.stateOfLink', { id })} />}</Section>
    </div>
  );
}

/**
 * The inspector for the selected node or link: its label, its parameters as a form generated
 * from its schema (a change re-runs the simulation from the start and keeps the cursor's
 * time), and its state at the cursor as a tree.
 */
export default function Inspector() {
  const sel = useUi(selectSelection);
  const { t } = useI18n();
  if (!sel) {
    return (
      <p data-testid="inspector-empty" className="px-4 py-4 text-sm text-slate-600 dark:text-slate-400">
        {t('ui.panels-inspector.empty')}
      </p>
    );
  }
  return sel.kind === 'node' ? <NodeInspector key={sel.id} id={sel.id} /> : <EdgeInspector key={sel.id} id={sel.id} />;
}
