import { describe, expect, it } from 'vitest';
import { euros } from '../../web/src/features/escalations/euros.ts';

/** Amounts typed the Dutch way are understood (issue 26: `1.950,75`); what is no amount is said to be none. */
describe('an amount in euros as typed in a Dutch form', () => {
  it.each([
    ['1.950,75', 1950.75],
    ['1950,75', 1950.75],
    ['€ 1.950', 1950],
    ['2500', 2500],
    ['12,5', 12.5],
    ['1.234.567,89', 1234567.89],
    ['1950.75', 1950.75],
    [' 7 500 ', 7500],
  ])('%s is %d euro', (typed, amount) => {
    expect(euros(typed)).toEqual({ amount, currency: 'EUR' });
  });

  it.each(['veel', '1,2,3', '1.95.0', '12,345', '-5', '1e3'])('%s is no amount', (typed) => {
    expect(euros(typed)).toBeNull();
  });

  it('an empty field is no amount asked for', () => {
    expect(euros('  ')).toBeUndefined();
  });
});
