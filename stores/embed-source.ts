import type { BuiltinScenario } from '@/engine/scenario/library';
import type { ParseResult } from '@/engine/scenario/parse';
import { loadParser } from '@/engine/scenario/parser';
import type { Scenario } from '@/engine/scenario/schema';
import { decodeShareHashLazy } from '@/engine/scenario/share-lazy';
import type { EmbedOptions, EmbedSource } from './embed-options';
import { shareHashOf, type PlayerInfo } from './embed-protocol';
import { DEFAULT_ENTRY, findEntry } from './scenario-source';

/** A scenario ready for the player: validated, with its gallery entry when it is a built-in. */
export interface EmbedDoc {
  scenario: Scenario;
  entry: BuiltinScenario | null;
  /** Where the cursor starts, when the source pins it (a share link's `t`). */
  t: number | null;
}

export type Resolved = { ok: true; doc: EmbedDoc } | { ok: false; errors: string[] };

/** What a player may be asked to show: an address's source, or a host's `dp:load`. */
export type LoadRequest = EmbedSource | { kind: 'object'; scenario: unknown };

function fromEntry(parseScenario: (input: unknown) => ParseResult, entry: BuiltinScenario): Resolved {
  const parsed = parseScenario(entry.scenario);
  return parsed.ok ? { ok: true, doc: { scenario: parsed.scenario, entry, t: null } } : { ok: false, errors: parsed.errors.map((e) => `built-in scenario "${entry.id}": ${e}`) };
}

/**
 * Validates what the player was asked to show. Every input is untrusted (an address or a host
 * page's message): failures come back as messages naming the problem, never as a throw.
 */
export async function resolveScenario(req: LoadRequest): Promise<Resolved> {
  // Fetched before anything is shown, so the player's edits are validated synchronously too.
  const { parseScenario } = await loadParser();
  switch (req.kind) {
    case 'default':
      return fromEntry(parseScenario, DEFAULT_ENTRY);
    case 'builtin': {
      const entry = await findEntry(req.id);
      return entry ? fromEntry(parseScenario, entry) : { ok: false, errors: [`scenario: there is no built-in scenario "${req.id.slice(0, 64)}"`] };
    }
    case 'share': {
      const r = await decodeShareHashLazy(shareHashOf(req.hash));
      if (r === null) return { ok: false, errors: ['share: the link holds no scenario (no s= in it)'] };
      return r.ok ? { ok: true, doc: { scenario: r.run.scenario, entry: null, t: r.run.t } } : { ok: false, errors: r.errors.map((e) => `share: ${e}`) };
    }
    case 'object': {
      const parsed = parseScenario(req.scenario);
      return parsed.ok ? { ok: true, doc: { scenario: parsed.scenario, entry: null, t: null } } : { ok: false, errors: parsed.errors.map((e) => `scenario: ${e}`) };
    }
  }
}

/** The title a poster or a host sees for a document. */
export function docTitle(doc: EmbedDoc): string {
  return doc.entry?.title ?? doc.scenario.title;
}

/** What a host's `dp:load` asks for, as a load request (the protocol guarantees exactly one source). */
export function loadRequestOf(msg: { scenario?: unknown; share?: string; builtin?: string }): LoadRequest {
  if (msg.share !== undefined) return { kind: 'share', hash: msg.share };
  if (msg.builtin !== undefined) return { kind: 'builtin', id: msg.builtin };
  return { kind: 'object', scenario: msg.scenario };
}

/** Where the cursor starts for a document: its own pin, else the address's `t`, else the scenario's start. */
export function startTime(doc: EmbedDoc, optionT: number | null): number {
  return Math.min(doc.t ?? optionT ?? doc.scenario.playback.startMs, doc.scenario.playback.untilMs);
}

/** What a host is told while the click-to-load poster shows (the engine has not started). */
export function posterInfo(doc: EmbedDoc, options: Pick<EmbedOptions, 't' | 'speed'>): PlayerInfo {
  return {
    loaded: false,
    playing: false,
    time: startTime(doc, options.t),
    untilMs: doc.scenario.playback.untilMs,
    finished: false,
    speed: options.speed ?? doc.scenario.playback.speed,
    scenario: { id: doc.entry?.id ?? null, title: docTitle(doc) },
  };
}
