import { describe, expect, it } from 'vitest';
import { isPhrase } from '../../core/phrase';
import { inEnglish } from '../../i18n/english';
import { payDetail } from './messages';

describe('payDetail', () => {
  const worded = [
    'charged 30',
    'charged 30; storing the result failed: ConnectionLoss',
    'charged 30; the result may not be stored (redis did not answer)',
    'unreadable record under order-42',
    'key order-42 was used for order-42/30, not order-43/45',
    'key order-42 is still being processed',
    'already paid as ch_1',
    'cannot create /idem: NoNode',
    'redis did not answer',
  ];
  it.each(worded)('words "%s" as a phrase that reads the same in English', (d) => {
    const say = payDetail(d);
    expect(isPhrase(say)).toBe(true);
    expect(inEnglish(say)).toBe(d);
  });
  it('shows a store error as it is', () => {
    expect(payDetail('redis: ERR something')).toBe('redis: ERR something');
  });
});
