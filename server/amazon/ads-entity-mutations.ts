import type { AdEntityKind } from "~/db/schema";
import { AD_ENTITY_ENDPOINTS, MAX_IDS_PER_FILTER, mediaType } from "./ads-entities";
import { amazonHosts, type Region } from "./endpoints";
import { amazonRequest, type AmazonCaller } from "./request";

/** Amazon's per-item answer to a create, update or archive (207 Multi-Status): what succeeded, what failed and why. */
export interface MultiStatus {
  success: Array<{ index: number; id: string; entity: Record<string, unknown> | null }>;
  error: Array<{ index: number; message: string }>;
}

export type Mutation = "create" | "update" | "archive";

/** Items per request: Amazon takes at most 1000. */
export const MAX_ITEMS_PER_MUTATION = 1000;

/** Amazon's error item as one sentence: `{ errorType, errorValue: { <type>: { message, reason } } }`. */
function errorMessage(errors: unknown): string {
  const list = Array.isArray(errors) ? errors : [];
  const texts = list.map((e: { errorType?: string; errorValue?: Record<string, { message?: string; reason?: string }> }) => {
    const inner = e.errorValue ? Object.values(e.errorValue)[0] : undefined;
    return inner?.message ?? inner?.reason ?? e.errorType ?? "refused";
  });
  return texts.length ? texts.join("; ") : "Amazon refused it without saying why.";
}

/**
 * Creates, updates or archives entities of one kind (Sponsored Products v3): POST /sp/<plural>,
 * PUT /sp/<plural>, or POST /sp/<plural>/delete (Amazon's "delete" archives). Items are ordered; the answer
 * says per index what happened. `items` are entity bodies, or ids for an archive.
 */
export async function mutateAdEntities(
  caller: AmazonCaller,
  region: Region,
  kind: AdEntityKind,
  mutation: Mutation,
  items: Array<Record<string, unknown>> | string[],
): Promise<MultiStatus> {
  const e = AD_ENTITY_ENDPOINTS[kind];
  if (items.length > (mutation === "archive" ? MAX_IDS_PER_FILTER : MAX_ITEMS_PER_MUTATION)) throw new Error(`Too many ${e.plural} in one request`);
  const base = `${amazonHosts(region).adsApi}/sp/${e.plural}`;
  const request =
    mutation === "archive"
      ? { url: `${base}/delete`, method: "POST", body: { [e.idFilter]: { include: items } } }
      : { url: base, method: mutation === "create" ? "POST" : "PUT", body: { [e.bodyKey]: items } };
  const response = await amazonRequest(caller, {
    api: "ads-api",
    operation: `${mutation === "archive" ? "delete" : mutation}_${e.plural}`,
    url: request.url,
    init: {
      method: request.method,
      headers: { "content-type": mediaType(kind), accept: mediaType(kind), prefer: "return=representation" },
      body: JSON.stringify(request.body),
    },
  });
  const json = (await response.json()) as Record<string, { success?: unknown[]; error?: unknown[] } | undefined>;
  const answer = json[e.bodyKey];
  if (!answer) throw new Error(`Amazon's answer to the ${e.plural} ${mutation} has no "${e.bodyKey}"`);
  return {
    success: (answer.success ?? []).map((raw) => {
      const item = raw as Record<string, unknown>;
      const entity = Object.values(item).find((v) => v !== null && typeof v === "object" && !Array.isArray(v)) as Record<string, unknown> | undefined;
      return { index: Number(item.index), id: String(item[e.successId] ?? ""), entity: entity ?? null };
    }),
    error: (answer.error ?? []).map((raw) => {
      const item = raw as { index?: unknown; errors?: unknown };
      return { index: Number(item.index), message: errorMessage(item.errors) };
    }),
  };
}
