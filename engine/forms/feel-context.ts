/**
 * FEEL for forms: hide and read-only conditions, FEEL limits, computed `expression` fields and
 * options from `valuesExpression`, evaluated through the engine's FEEL evaluator (feelin; never
 * JavaScript). The context is built the way form-js builds it: the form data at the top level,
 * and inside a dynamic list also `this` (the item), `parent` and `i` (1-based indexes), each also
 * under `_this_`, `_parent_`, `_i_`. A condition that fails to evaluate counts as false, as in
 * form-js. Results are memoised per scope, since one condition often guards many fields.
 */
import { inlineEvaluator, stripFeelPrefix, type FeelEvaluator } from '../expressions/feel.js';
import type { Plain } from './data.js';

export class FeelScope {
  private readonly memo = new Map<string, unknown>();
  private readonly variables: Plain;

  /**
   * `data` is the whole form's data (submitted over case variables); `self` the data of this
   * scope, `parent` that of the enclosing one, `indexes` the 1-based positions in enclosing lists.
   */
  constructor(
    private readonly data: Plain,
    private readonly evaluator: FeelEvaluator = inlineEvaluator,
    private readonly now: string = new Date().toISOString(),
    readonly self: unknown = data,
    parent: unknown = null,
    private readonly indexes: number[] = [],
  ) {
    const special = { this: self, parent, i: indexes };
    this.variables = { ...special, ...data, _this_: self, _parent_: parent, _i_: indexes };
  }

  /** The scope of item `index` (0-based) of a dynamic list whose items are seen as `item`. */
  item(item: unknown, index: number): FeelScope {
    return new FeelScope(this.data, this.evaluator, this.now, item, this.self, [...this.indexes, index + 1]);
  }

  /** The value of a `=`-prefixed expression, or null when it fails. */
  value(expression: string): unknown {
    if (this.memo.has(expression)) return this.memo.get(expression);
    const result = this.evaluator.evaluate(stripFeelPrefix(expression), this.variables, this.now);
    const value = result.ok ? result.value : null;
    this.memo.set(expression, value);
    return value;
  }

  /** Whether a condition holds: only a FEEL `true` counts. */
  holds(expression: string): boolean {
    return this.value(expression) === true;
  }
}
