import { DEFAULT_INDEX_PARAMS, efSearchFor } from '../../../src/knowledge/index/index-params';

describe('efSearchFor', () => {
  it('keeps the default on small indexes and searches wider as the graph grows, within a cap', () => {
    expect(efSearchFor(50)).toBe(DEFAULT_INDEX_PARAMS.efSearch);
    expect(efSearchFor(10_000)).toBe(DEFAULT_INDEX_PARAMS.efSearch);
    const sizes = [20_000, 50_000, 100_000, 1_000_000].map((n) => efSearchFor(n));
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(sizes[1]).toBeGreaterThan(DEFAULT_INDEX_PARAMS.efSearch);
    expect(sizes[3]).toBe(1600);
  });
});
