import { expect } from 'chai';
import { checkFeel } from '../../engine/expressions/feel.js';
import { betsyToFeel, translateBetsyExpression } from '../conformance/betsy-expressions.js';

describe('conformance/betsy-expressions: betsy pseudo-Java → FEEL', () => {
  const cases: [string, string][] = [
    ['test.contains("a")', 'contains(test, "a")'],
    ['!test.contains("a")', 'not(contains(test, "a"))'],
    ['${integerVariable}', 'integerVariable'],
    ['integerVariable<3', 'integerVariable<3'],
    ['true', 'true'],
    ['test.contains("a")>', 'contains(test, "a")'],
  ];
  for (const [betsy, feel] of cases) {
    it(`given ${betsy}, when translated, then it is ${feel} and valid FEEL`, () => {
      expect(betsyToFeel(betsy)).to.equal(feel);
      expect(checkFeel(feel)).to.equal(undefined);
    });
  }

  it('given a timer value, when translated, then it is left as it is', () => {
    expect(translateBetsyExpression('R4/PT1S', 'timer')).to.equal('R4/PT1S');
  });
});
