import { describe, expect, it } from 'vitest';
import {
  GrantEnder,
  isCumulativeUpdate,
  type GrantControl,
} from '../../../src/practice/faults/grant-end';

const SE = '/individuals/business/self-employment/AA123456A/XAIS12345678901/cumulative/2026-27';
const UKP = '/individuals/business/property/uk/AA123456A/XPIS12345678901/cumulative/2026-27';
const LIST = '/individuals/business/details/AA123456A/list';

/** Two grants, by their access tokens; records which were ended. */
function grants(): GrantControl & { endedIds: string[] } {
  const endedIds: string[] = [];
  return {
    endedIds,
    grantOf: (token) => ({ 'token-a': 'grant-a', 'token-b': 'grant-b' })[token],
    end: (id) => void endedIds.push(id),
  };
}
const put = (url: string, token = 'token-a') => ({
  method: 'PUT',
  url,
  headers: { authorization: `Bearer ${token}` },
});
const get = (url: string, token = 'token-a') => ({ ...put(url, token), method: 'GET' });

describe('the "grant ends after N updates" fault', () => {
  it('recognises cumulative updates of both business kinds, and nothing else', () => {
    expect(isCumulativeUpdate('PUT', SE)).toBe(true);
    expect(isCumulativeUpdate('PUT', UKP)).toBe(true);
    expect(isCumulativeUpdate('GET', SE)).toBe(false);
    expect(isCumulativeUpdate('PUT', LIST)).toBe(false);
  });

  it('lets the first N arrivals through and ends the grant of the next, whatever else is in flight', () => {
    const control = grants();
    const ender = new GrantEnder(control);
    expect(ender.refuses(1, get(LIST))).toBe(false);
    expect(ender.refuses(1, put(SE))).toBe(false);
    expect(ender.refuses(1, put(UKP))).toBe(true);
    expect(control.endedIds).toEqual(['grant-a']);
    // Every later request with that grant is refused; another grant is not touched.
    expect(ender.refuses(1, put(SE))).toBe(true);
    expect(ender.refuses(1, get(LIST))).toBe(true);
    expect(ender.refuses(1, put(SE, 'token-b'))).toBe(false);
    expect(control.endedIds).toEqual(['grant-a']);
  });

  it('is off without a setting, fires once per setting, and re-arms when set again', () => {
    const control = grants();
    const ender = new GrantEnder(control);
    for (let i = 0; i < 5; i++) expect(ender.refuses(undefined, put(SE, 'token-b'))).toBe(false);
    expect(ender.refuses(0, put(SE, 'token-b'))).toBe(true);
    expect(ender.refuses(0, put(SE, 'token-a'))).toBe(false);
    ender.reset();
    expect(ender.refuses(0, put(SE, 'token-a'))).toBe(true);
    expect(control.endedIds).toEqual(['grant-b', 'grant-a']);
  });

  it('does nothing where Practice gave it no way to find grants', () => {
    expect(new GrantEnder(undefined).refuses(0, put(SE))).toBe(false);
  });
});
