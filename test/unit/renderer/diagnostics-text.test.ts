import { describe, expect, it } from 'vitest';
import { diagnosticsText } from '@renderer/app/diagnostics-text';

describe('the recovery screen’s diagnostics', () => {
  const context = { at: new Date('2026-05-01T09:00:00Z'), screen: 'records', userAgent: 'UA/1' };

  it('says what failed, where and when, in a few lines', () => {
    const text = diagnosticsText(
      new TypeError('Failed to fetch dynamically imported module'),
      '\n    at Lazy\n    at Suspense\n    at Screen',
      context,
    );
    expect(text).toBe(
      [
        'Ledgerlink: a window stopped working',
        'When: 2026-05-01T09:00:00.000Z',
        'Screen: records',
        'Error: TypeError: Failed to fetch dynamically imported module',
        'Where:',
        '  at Lazy',
        '  at Suspense',
        '  at Screen',
        'Browser: UA/1',
      ].join('\n'),
    );
  });

  it('copes with something thrown that is not an Error, and keeps it short', () => {
    const text = diagnosticsText('x'.repeat(2000), null, { ...context, screen: '' });
    expect(text).toContain('Screen: (start)');
    expect(text).not.toContain('Where:');
    expect(text.split('\n').find((l) => l.startsWith('Error:'))!.length).toBeLessThanOrEqual(507);
  });
});
