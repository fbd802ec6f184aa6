import { randomUUID } from "node:crypto";
import type { Database } from "~/db/client";
import { memberships, organizations, users } from "~/db/schema";
import { hashPassword } from "~/server/accounts/password";
import type { Role } from "~/server/organizations/roles";
import { createCaller } from "~/server/trpc/root";

export const TEST_PASSWORD = "factory-password-42";
let passwordHash: Promise<string> | undefined;

/** Every factory user shares one hash: scrypt is slow on purpose, tests need not be. */
const sharedHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export async function createUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}) {
  const id = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({ email: `user-${id}@example.com`, name: `User ${id}`, passwordHash: await sharedHash(), ...overrides })
    .returning();
  return user!;
}

export async function createOrganization(db: Database, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const [organization] = await db
    .insert(organizations)
    .values({ name: `Org ${randomUUID().slice(0, 8)}`, ...overrides })
    .returning();
  return organization!;
}

export async function addMember(db: Database, organizationId: string, userId: string, role: Role) {
  await db.insert(memberships).values({ organizationId, userId, role });
}

/** An organization with a member of the given role; returns both and a tRPC caller acting as that member. */
export async function createMemberOf(db: Database, role: Role = "owner", organizationId?: string) {
  const organization = organizationId ? { id: organizationId } : await createOrganization(db);
  const user = await createUser(db);
  await addMember(db, organization.id, user.id, role);
  return { organizationId: organization.id, user, caller: callerFor(db, user.id, organization.id) };
}

export function callerFor(db: Database, userId: string | null, requestedOrganizationId?: string) {
  return createCaller({ db, userId, requestedOrganizationId });
}
