import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-cased; uniqueness is case-insensitive by construction. */
  email: text().notNull().unique(),
  name: text().notNull(),
  /** scrypt$N$r$p$salt$hash — parameters travel with the hash so they can be raised later. */
  passwordHash: text().notNull(),
  createdAt: createdAt(),
});

/** Failed sign-ins per email, to slow down password guessing. */
export const signInThrottles = pgTable("sign_in_throttles", {
  email: text().primaryKey(),
  failedCount: integer().notNull().default(0),
  windowStartedAt: timestamptz().notNull().defaultNow(),
  lockedUntil: timestamptz(),
});
