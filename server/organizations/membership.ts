import { and, asc, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { memberships, organizations } from "~/db/schema";
import type { Role } from "./roles";

export interface ActiveMembership {
  organizationId: string;
  organizationName: string;
  role: Role;
}

export async function listMemberships(db: Database, userId: string): Promise<ActiveMembership[]> {
  return db
    .select({ organizationId: organizations.id, organizationName: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(organizations.name));
}

/**
 * The organization a request acts in: the one the user chose (cookie) if they still belong to it,
 * else their oldest membership. Null when they belong to none.
 */
export async function resolveActiveMembership(
  db: Database,
  userId: string,
  requestedOrganizationId: string | undefined,
): Promise<ActiveMembership | null> {
  if (requestedOrganizationId && /^[0-9a-f-]{36}$/i.test(requestedOrganizationId)) {
    const [chosen] = await db
      .select({ organizationId: organizations.id, organizationName: organizations.name, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, requestedOrganizationId)));
    if (chosen) return chosen;
  }
  const [first] = await listMemberships(db, userId);
  return first ?? null;
}
