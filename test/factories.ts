import { randomUUID } from "node:crypto";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, memberships, organizations, storeMarketplaces, stores, users } from "~/db/schema";
import { encryptSecret } from "~/server/crypto/secrets";
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

/** A store with one marketplace, its (encrypted) grant and a connected ad profile, as an authorization leaves them. */
export async function createStore(db: Database, organizationId: string) {
  const id = randomUUID().slice(0, 8).toUpperCase();
  const [grant] = await db
    .insert(amazonGrants)
    .values({
      organizationId,
      kind: "store",
      region: "na",
      sellingPartnerId: `A${id}`,
      refreshTokenEncrypted: encryptSecret(`Atzr|factory-${id}`),
      authorizedAt: new Date(),
    })
    .returning();
  const [store] = await db
    .insert(stores)
    .values({ organizationId, grantId: grant!.id, sellingPartnerId: `A${id}`, region: "na", name: `Store ${id}` })
    .returning();
  const [marketplace] = await db
    .insert(storeMarketplaces)
    .values({
      organizationId,
      storeId: store!.id,
      marketplaceId: "ATVPDKIKX0DER",
      countryCode: "US",
      name: "Amazon.com",
      currencyCode: "USD",
      timeZone: "America/Los_Angeles",
      domainName: "www.amazon.com",
      isParticipating: true,
    })
    .returning();
  const [profile] = await db
    .insert(adProfiles)
    .values({
      organizationId,
      grantId: grant!.id,
      profileId: String(Date.now()) + String(Math.floor(Math.random() * 1000)),
      region: "na",
      countryCode: "US",
      currencyCode: "USD",
      timeZone: "America/Los_Angeles",
      marketplaceId: "ATVPDKIKX0DER",
      accountId: `ENTITY${id}`,
      accountName: `Ads ${id}`,
      accountType: "seller",
      storeMarketplaceId: marketplace!.id,
      connected: true,
    })
    .returning();
  return { grant: grant!, store: store!, marketplace: marketplace!, adProfile: profile! };
}
