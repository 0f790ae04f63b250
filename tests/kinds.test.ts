import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPhrase } from '@/engine/core/phrase';
import { NODE_UIS } from '@/components/nodes/catalog';
import { PROGRAM_FIELDS } from '@/components/nodes/programs';
import { MONITOR_MANIFESTS } from '@/engine/invariants/catalog';
import { isNodeType, NODE_MANIFESTS } from '@/engine/models/catalog';
import { NODE_PARAMS } from '@/engine/models/params-catalog';
import { PROGRAM_MANIFESTS } from '@/engine/patterns/catalog';
import { PROGRAM_PARAMS } from '@/engine/patterns/params-catalog';
import { LOG_KINDS } from '@/stores/log-groups';

// A kind is declared once on the engine side (engine/models/<kind>/index.ts, listed in
// engine/models/catalog.ts) and once on the UI side (components/nodes/<kind>/index.tsx, listed
// in components/nodes/catalog.ts); programs and monitors likewise on the engine side. This walks
// every entry of every list and checks it is complete on both sides, so a kind added on one
// side only, or half-declared, fails here (the type checker catches most of it first).

/** The names of a parameter schema's top-level fields. */
const fieldsOf = (schema: z.ZodType) => Object.keys((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});

const hex = /^#[0-9a-f]{6}$/i;

describe('every node kind is complete on both sides', () => {
  const types = NODE_MANIFESTS.map((k) => k.type);

  it('has one engine manifest and one UI manifest per type, and nothing on one side only', () => {
    expect(new Set(types).size).toBe(types.length);
    expect(NODE_UIS.map((u) => u.type).sort()).toEqual([...types].sort());
    expect(Object.keys(NODE_PARAMS).sort()).toEqual([...types].sort());
  });

  it.each(NODE_MANIFESTS.map((k) => [k.type, k] as const))('%s: engine manifest (params, links, log group, behaviour and view)', async (type, k) => {
    expect(k.title.trim()).not.toBe('');
    expect(k.blurb.trim()).not.toBe('');
    for (const t of k.linksTo) expect(isNodeType(t), `${type} links to unknown type ${t}`).toBe(true);
    expect(k.log.group).toMatch(/^[a-z][a-z-]*$/);
    if (k.log.namespaces.length > 0) expect(LOG_KINDS).toContain(k.log.group);
    // A node the visitor adds gets valid parameters.
    const params = NODE_PARAMS[type].safeParse(k.newParams?.([]) ?? {});
    expect(params.success, `${type}: new-node params invalid`).toBe(true);
    const b = await k.load();
    expect(b.model.type).toBe(type);
    expect(typeof b.view).toBe('function');
    // Its view works on a fresh node's state, and is plain data.
    const view = b.view(b.model.init(params.data as never) as never);
    expect(view).toBeTypeOf('object');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it.each(NODE_UIS.map((u) => [u.type, u] as const))('%s: UI manifest (icon, colours, card, far view, labels)', async (type, ui) => {
    const k = NODE_MANIFESTS.find((m) => m.type === type)!;
    expect(isValidElement(ui.icon(14))).toBe(true);
    expect(ui.tone).toMatch(/^bg-/);
    expect(ui.colour).toMatch(hex);
    const card = await ui.card();
    expect(['function', 'object']).toContain(typeof card);
    expect(card).not.toBeNull();
    if (ui.summary) {
      const b = await k.load();
      const params = NODE_PARAMS[type].parse(k.newParams?.([]) ?? {});
      const line = ui.summary(b.view(b.model.init(params as never) as never) as never);
      expect(line === null || typeof line === 'string' || isPhrase(line)).toBe(true);
    }
    // Labels name fields the kind's parameters have.
    const fields = fieldsOf(NODE_PARAMS[type]);
    for (const f of Object.keys(ui.fields ?? {})) expect(fields, `${type} labels unknown field ${f}`).toContain(f);
  });
});

describe('every program is complete', () => {
  it('has one manifest per kind', () => {
    const kinds = PROGRAM_MANIFESTS.map((p) => p.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('has its parameter schema in the schema catalog, in the manifests\' order', () => {
    expect(Object.keys(PROGRAM_PARAMS)).toEqual(PROGRAM_MANIFESTS.map((p) => p.kind));
  });

  it.each(PROGRAM_MANIFESTS.map((p) => [p.kind, p] as const))('%s: manifest, behaviour and labels', async (kind, p) => {
    expect(p.title.trim()).not.toBe('');
    // Its schema is the client union's member for this kind.
    expect(PROGRAM_PARAMS[kind].shape.kind).toBeInstanceOf(z.ZodLiteral);
    expect((PROGRAM_PARAMS[kind].shape.kind as z.ZodLiteral).value).toBe(kind);
    expect(p.needs.length).toBeGreaterThan(0);
    for (const t of p.needs) expect(isNodeType(t), `${kind} needs unknown type ${t}`).toBe(true);
    expect(p.log.group).toMatch(/^[a-z][a-z-]*$/);
    const def = await p.load();
    expect(def.kind).toBe(kind);
    const fields = fieldsOf(PROGRAM_PARAMS[kind]);
    for (const f of Object.keys(PROGRAM_FIELDS[kind] ?? {})) expect(fields, `${kind} labels unknown field ${f}`).toContain(f);
  });

  it('labels only programs that exist', () => {
    for (const k of Object.keys(PROGRAM_FIELDS)) expect(PROGRAM_MANIFESTS.map((p) => p.kind)).toContain(k);
  });
});

describe('every invariant monitor is complete', () => {
  it.each(MONITOR_MANIFESTS.map((m) => [m.id, m] as const))('%s: its monitor loads under its id and watches something', async (id, m) => {
    const def = await m.load();
    expect(def.id).toBe(id);
    expect(def.title.trim()).not.toBe('');
    expect(def.watches.length).toBeGreaterThan(0);
  });

  it('has one manifest per id', () => {
    const ids = MONITOR_MANIFESTS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
