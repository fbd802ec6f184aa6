import type { ListDefinition } from "./definition";

/**
 * What the browser needs of a list's definition to draw it — its scope, date filter, enumerated filters
 * (with the values a filter over an open set offers, read from the organization's rows) and columns —
 * without the Drizzle columns behind them.
 */
export function describeList(list: ListDefinition, distinctValues: Record<string, string[]> = {}) {
  return {
    scopeKind: list.scope.kind,
    hasDay: list.day !== undefined,
    filters: (list.filters ?? []).map(({ key, label, options }) => ({
      key,
      label,
      options: options === "distinct" ? (distinctValues[key] ?? []).map((value) => ({ value, label: value })) : options.map(({ value, label }) => ({ value, label })),
    })),
    settings: (list.settings ?? []).map(({ key, label, unit, default: byDefault, min, max }) => ({ key, label, unit, default: byDefault, min, max })),
    detail: list.detail ?? null,
    columns: list.columns.map((c) => ({
      key: c.key,
      label: c.label,
      kind: c.kind,
      total: Boolean(c.total),
      describedBy: c.kind === "image" ? c.describedBy : [],
      empty: c.empty ?? null,
    })),
  };
}
