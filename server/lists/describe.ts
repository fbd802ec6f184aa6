import type { ListDefinition } from "./definition";

/**
 * What the browser needs of a list's definition to draw it — its scope, date filter, enumerated filters
 * and columns — without the Drizzle columns behind them.
 */
export function describeList(list: ListDefinition) {
  return {
    scopeKind: list.scope.kind,
    hasDay: list.day !== undefined,
    filters: (list.filters ?? []).map(({ key, label, options }) => ({ key, label, options: options.map(({ value, label }) => ({ value, label })) })),
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
