import { z } from "zod";
import { localDay } from "~/server/validation/day";
import { DEFAULT_LIST_RANGE, LIST_RANGES } from "./ranges";
import { LIST_KEYS, listOf } from "./registry";

/** "Active, Inactive or Incomplete". */
const either = (words: readonly string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? ""));

/** What a list page (and its CSV export) is asked for; the same filters select the same rows in both. */
export const listFilters = z
  .object({
    list: z.enum(LIST_KEYS),
    range: z.enum(LIST_RANGES.map((r) => r.id) as [string, ...string[]]).optional(),
    from: localDay.optional(),
    to: localDay.optional(),
    scopeId: z.uuid().optional(),
    search: z.string().trim().max(60).optional(),
    /** The list's enumerated filters by key; which keys and values fit depends on the list (checked below). */
    filters: z.record(z.string().max(40), z.string().max(60)).optional(),
    /** The numbers the seller set for the list's computed columns, by key (checked below). */
    settings: z.record(z.string().max(40), z.number().or(z.nan())).optional(),
    sort: z.string().max(40).regex(/^[a-zA-Z][a-zA-Z0-9]*$/).optional(),
    dir: z.enum(["asc", "desc"]).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "The start date must not be after the end date.", path: ["to"] })
  .superRefine((f, ctx) => {
    const declared = listOf(f.list)?.filters ?? [];
    for (const [key, value] of Object.entries(f.filters ?? {})) {
      const filter = declared.find((d) => d.key === key);
      if (!filter) ctx.addIssue({ code: "custom", path: ["filters", key], message: `This list has no filter "${key}".` });
      else if (filter.options !== "distinct" && !filter.options.some((o) => o.value === value))
        ctx.addIssue({
          code: "custom",
          path: ["filters", key],
          message: `${filter.label} must be ${either(filter.options.map((o) => o.value))}, not "${value}".`,
        });
    }
    const settings = listOf(f.list)?.settings ?? [];
    for (const [key, value] of Object.entries(f.settings ?? {})) {
      const setting = settings.find((s) => s.key === key);
      if (!setting) ctx.addIssue({ code: "custom", path: ["settings", key], message: `This list has no setting "${key}".` });
      else if (!Number.isInteger(value) || value < setting.min || value > setting.max)
        ctx.addIssue({ code: "custom", path: ["settings", key], message: `${setting.label} must be a whole number of ${setting.unit} from ${setting.min} to ${setting.max}, not ${Number.isNaN(value) ? "that" : value}.` });
    }
  });

export const listPageInput = listFilters.and(
  z.object({ page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(10).max(200).default(50) }),
);

export type ListFiltersInput = z.infer<typeof listFilters>;

/** An explicit range wins over a preset; no range at all is the default preset. */
export function daysOf(f: ListFiltersInput): number | undefined {
  if (f.from || f.to) return undefined;
  return LIST_RANGES.find((r) => r.id === (f.range ?? DEFAULT_LIST_RANGE))?.days;
}
