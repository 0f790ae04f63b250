import { afterEach, describe, expect, it, vi } from 'vitest';
import { inEnglish } from '@/engine/i18n/english';
import { builtin } from '@/engine/scenario/library';
import { LABELS_ZH } from '@/engine/scenario/node-labels/zh';
import { parseScenario } from '@/engine/scenario/parse';
import { followLabelLanguage } from './label-language';
import { useLocaleStore } from './locale';
import { createPlaybackStore } from './playback-store';
import { selectCaption } from './selectors';
import { withNode } from './scenario-edits';

function store(id: string) {
  const parsed = parseScenario(builtin(id)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return createPlaybackStore(parsed.scenario);
}

afterEach(() => useLocaleStore.getState().show('en'));

describe('node labels in the reader’s language', () => {
  it('names a built-in’s nodes in Chinese and narrates the caption with those names, keeping the scenario as it was', () => {
    const s = store('redis-basics');
    s.getState().stepForward();
    const before = s.getState().scenario;
    s.getState().setLabelLanguage(LABELS_ZH);
    expect(s.getState().labels).toEqual({ c1: '客户端', redis: 'redis' });
    expect(selectCaption(s.getState()).map((e) => inEnglish(e.text))).toEqual(['客户端 starts', '客户端 sends SET greeting hello PX 2500 to redis']);
    expect(s.getState().scenario).toBe(before);
    expect(s.getState().steps).toBe(1);
    s.getState().setLabelLanguage(null);
    expect(s.getState().labels.c1).toBe('client');
  });

  it('keeps naming nodes in Chinese through an edit, and names a new node by its kind', () => {
    const s = store('tcc');
    s.getState().setLabelLanguage(LABELS_ZH);
    expect(s.getState().labels.tc).toBe('订单服务');
    const r = s.getState().apply(withNode(s.getState().scenario, 'app', { x: 0, y: 500 }).scenario);
    expect(r.ok).toBe(true);
    const added = s.getState().scenario.nodes.at(-1)!;
    expect(added.label).toBe('app service');
    expect(s.getState().labels[added.id]).toBe('应用服务');
    expect(s.getState().labels.tc).toBe('订单服务');
  });

  it('follows the language the reader picks, loading the table on the first switch', async () => {
    const s = store('tcc');
    const stop = followLabelLanguage(s);
    expect(s.getState().labels.tc).toBe('order service');
    useLocaleStore.getState().show('zh');
    await vi.waitFor(() => expect(s.getState().labels.tc).toBe('订单服务'));
    useLocaleStore.getState().show('en');
    expect(s.getState().labels.tc).toBe('order service');
    stop();
    useLocaleStore.getState().show('zh');
    await new Promise((r) => setTimeout(r, 20));
    expect(s.getState().labels.tc).toBe('order service');
  });
});
