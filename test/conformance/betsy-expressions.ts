/**
 * betsy writes its conditions in a small pseudo-Java dialect; this turns them into FEEL for the
 * compiler's `translateExpression` option. Only the forms betsy uses are handled
 * (`x.contains("a")`, `!expr`, `${name}`, comparisons and literals, which already are FEEL).
 */

/** `events/Conditional_StartEvent_EventSubProcess_NonInterrupting` has a stray `>` after the call (a known upstream quirk). */
const STRAY_GT = /\)\s*>\s*$/;
const CONTAINS = /([A-Za-z_]\w*)\.contains\(\s*("(?:[^"\\]|\\.)*")\s*\)/g;
const PLACEHOLDER = /\$\{\s*([^}]+?)\s*\}/g;

export function betsyToFeel(text: string): string {
  let feel = text.trim().replace(STRAY_GT, ')');
  feel = feel.replace(PLACEHOLDER, '$1');
  feel = feel.replace(CONTAINS, 'contains($1, $2)');
  feel = negate(feel);
  return feel;
}

/** `!expr` → `not(expr)`, where expr runs to the end of a call or identifier. */
function negate(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '!' || text[i + 1] === '=') {
      out += text[i];
      continue;
    }
    const end = operandEnd(text, i + 1);
    out += `not(${negate(text.slice(i + 1, end).trim())})`;
    i = end - 1;
  }
  return out;
}

function operandEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && /[\s\w.]/.test(text[i])) i++;
  if (text[i] !== '(') return i;
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The compiler option: betsy conditions and loop settings go through betsyToFeel; timers are ISO already. */
export function translateBetsyExpression(text: string, where: 'condition' | 'loopCondition' | 'loopCardinality' | 'completionCondition' | 'timer'): string {
  return where === 'timer' ? text : betsyToFeel(text);
}
