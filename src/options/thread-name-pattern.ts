/**
 * The `aggregate` option's regular expression, matched against thread names by RE2's rules
 * (re2js): time linear in the name whatever the pattern, where a backtracking engine can take
 * exponential time on a pattern such as `(a+)+$` — a render slot held until its deadline by one
 * request. RE2 syntax is JavaScript's for what thread names need (classes, `\d`, anchors,
 * alternation, groups, counted repetition); backreferences and lookaround are refused.
 */
import { RE2JS } from 're2js';

export interface ThreadNamePattern {
  /** True when the pattern matches somewhere in the name (as RegExp.prototype.test). */
  test(name: string): boolean;
}

/** Compiles a pattern; throws (with RE2's message) when it is not one. */
export function compileThreadNamePattern(source: string): ThreadNamePattern {
  const compiled = RE2JS.compile(source);
  return { test: (name) => compiled.matcher(name).find() };
}

/** Whether `source` compiles (the option's check). */
export function isThreadNamePattern(source: string): boolean {
  try {
    compileThreadNamePattern(source);
    return true;
  } catch {
    return false;
  }
}
