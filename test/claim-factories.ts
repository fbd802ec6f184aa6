import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Database } from "~/db/client";
import { claimCaseEvents, claimCases, type ClaimEvidence, type ClaimKind } from "~/db/schema/claims";
import { claimWindow } from "~/server/claims/policy";
import { addDays, localToday } from "~/server/sync/windows";
import { eq } from "drizzle-orm";
import { storeMarketplaces, stores } from "~/db/schema";
import { createStore } from "./factories";

type Store = Awaited<ReturnType<typeof createStore>>;

export interface ClaimCaseOptions extends Partial<Omit<typeof claimCases.$inferInsert, "organizationId" | "storeId" | "storeMarketplaceId">> {
  kind?: ClaimKind;
  /** The event's local day as days before the marketplace's today at `now` (default 40: a lost unit's window is open). */
  daysAgo?: number;
  now?: Date;
}

/**
 * One case as the claims analysis leaves it for a store made by `createStore`: its window from Amazon's policy
 * for the event's day (unless given), evidence naming its reference, and the 'found' transition. Amounts and
 * the seller's side (a submission) can be set through the options.
 */
export async function createClaimCase(db: Database, store: Store, options: ClaimCaseOptions = {}) {
  const { daysAgo = 40, now = new Date(), ...given } = options;
  const kind = given.kind ?? "warehouse_lost";
  const zone = store.marketplace.timeZone;
  const eventDay = given.eventDay ?? addDays(localToday(zone, now), -daysAgo);
  const window = claimWindow(kind, store.store.region, eventDay);
  const sourceRef = given.sourceRef ?? `${eventDay}/${randomUUID().slice(0, 8).toUpperCase()}`;
  const evidence: ClaimEvidence[] = given.evidence ?? [
    { label: "Adjustment", value: `${sourceRef}: ${String(given.units ?? 1)} unit(s) ${kind === "warehouse_damaged" ? "damaged (E)" : "lost (M)"}`, source: "Inventory ledger" },
    { label: "Found since", value: "none", source: "Inventory ledger" },
  ];
  const [row] = await db
    .insert(claimCases)
    .values({
      organizationId: store.store.organizationId,
      storeId: store.store.id,
      storeMarketplaceId: store.marketplace.id,
      sourceRef,
      sku: "SKU-CLAIM",
      fnsku: "X00CLAIM01",
      asin: "B0CLAIM001",
      title: "Claimed product",
      units: 1,
      eventAt: DateTime.fromISO(`${eventDay}T10:00:00`, { zone }).toJSDate(),
      eligibleFrom: window.eligibleFrom,
      deadline: window.deadline,
      currency: store.marketplace.currencyCode,
      unitValue: "10.0000",
      valueBasis: "Average sale price, last 90 days",
      analyzedAt: now,
      ...given,
      kind,
      eventDay,
      evidence,
    })
    .returning();
  await db.insert(claimCaseEvents).values({ organizationId: row!.organizationId, claimCaseId: row!.id, at: now, transition: "found", detail: { units: row!.units } });
  return row!;
}

/** A store of the European region selling in Germany (euros, Berlin time), made like `createStore`'s. */
export async function createGermanStore(db: Database, organizationId: string): Promise<Store> {
  const made = await createStore(db, organizationId);
  const [store] = await db.update(stores).set({ region: "eu" }).where(eq(stores.id, made.store.id)).returning();
  const [marketplace] = await db
    .update(storeMarketplaces)
    .set({ marketplaceId: "A1PA6795UKMFR9", countryCode: "DE", name: "Amazon.de", currencyCode: "EUR", timeZone: "Europe/Berlin", domainName: "www.amazon.de" })
    .where(eq(storeMarketplaces.id, made.marketplace.id))
    .returning();
  return { ...made, store: store!, marketplace: marketplace! };
}

/**
 * Cases of every kind of status for the tenant-isolation probe, tagged like `createSyncedData`'s rows so a
 * leak shows: an open one, one filed and waiting for Amazon (Amazon case id `amazonCaseId`), one reimbursed.
 * Figures follow `seed`, so two organizations' totals differ.
 */
export async function createClaims(db: Database, store: Store, seed: number, tag: string, amazonCaseId: string) {
  const base = { sku: `SKU-${tag}`, fnsku: `X00${tag}`, asin: `B0${tag}`, title: `Product ${tag}`, units: seed, unitValue: `${seed}.2500` };
  const open = await createClaimCase(db, store, { ...base, sourceRef: `LEDGER-${tag}-1` });
  const today = localToday(store.marketplace.timeZone, new Date());
  const submitted = await createClaimCase(db, store, { ...base, sourceRef: `LEDGER-${tag}-2`, amazonCaseId, submittedOn: addDays(today, -3), submissions: 1 });
  const reimbursed = await createClaimCase(db, store, {
    ...base,
    kind: "customer_return",
    daysAgo: 70,
    sourceRef: `${seed}11-${tag}/SKU-${tag}`,
    resolution: "reimbursed",
    resolvedAt: new Date(),
    reimbursementId: `RB${tag}C`,
    reimbursedAmount: `${seed}.7500`,
  });
  return { ids: [open.id, submitted.id, reimbursed.id, amazonCaseId], caseIds: [open.id, submitted.id, reimbursed.id] };
}
