import type { Database } from "~/db/client";
import { memberships, organizations } from "~/db/schema";

/** A new organization owned by its creator. */
export async function createOrganization(db: Database, userId: string, name: string) {
  return db.transaction(async (tx) => {
    const [organization] = await tx.insert(organizations).values({ name }).returning();
    await tx.insert(memberships).values({ organizationId: organization!.id, userId, role: "owner" });
    return organization!;
  });
}
