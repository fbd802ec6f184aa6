import { and, count, eq, gte } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adChanges } from "~/db/schema";

/** Changes made in Seller Central that syncs of the profile detected since an instant (ISO). */
export async function changesSince(db: Database, adProfileId: string, since: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(adChanges)
    .where(and(eq(adChanges.adProfileId, adProfileId), eq(adChanges.source, "seller_central"), gte(adChanges.at, new Date(since))));
  return row?.n ?? 0;
}
