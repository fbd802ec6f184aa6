import { eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { organizations } from "~/db/schema";
import { BASE_CURRENCIES, isBaseCurrency, type BaseCurrency } from "~/server/currency/currencies";
import type { Actor } from "./team";

/** The organization's own settings: its name and the base currency its cross-marketplace totals use. */
export async function organizationSettings(db: Database, organizationId: string) {
  const [row] = await db
    .select({ name: organizations.name, baseCurrency: organizations.baseCurrency })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const baseCurrency: BaseCurrency = isBaseCurrency(row!.baseCurrency) ? row!.baseCurrency : "USD";
  return { name: row!.name, baseCurrency, baseCurrencies: BASE_CURRENCIES };
}

export async function setBaseCurrency(db: Database, actor: Actor, baseCurrency: BaseCurrency) {
  const [row] = await db
    .update(organizations)
    .set({ baseCurrency })
    .where(eq(organizations.id, actor.organizationId))
    .returning({ baseCurrency: organizations.baseCurrency });
  return row!;
}
