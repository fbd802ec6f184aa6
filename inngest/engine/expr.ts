import { parse } from "@marcbachmann/cel-js";

/**
 * CEL expressions from function configs (keys, `if` conditions, trigger expressions), compiled
 * once. Missing keys raise in CEL; Inngest treats such a condition as "no match", so we do too.
 */
type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();

function compile(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression);
    cache.set(expression, compiled);
  }
  return compiled;
}

export function evaluate(expression: string, context: Record<string, unknown>): unknown {
  try {
    const value: unknown = compile(expression)(context);
    return typeof value === "bigint" ? Number(value) : value;
  } catch {
    return undefined;
  }
}

export function matches(expression: string | undefined, context: Record<string, unknown>): boolean {
  if (!expression) return true;
  return evaluate(expression, context) === true;
}

/** A key expression's value as a string; undefined when it cannot be evaluated. */
export function keyOf(expression: string | undefined, context: Record<string, unknown>): string | undefined {
  if (!expression) return "";
  const value = evaluate(expression, context);
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
