import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-cased; uniqueness is case-insensitive by construction. */
  email: text().notNull().unique(),
  name: text().notNull(),
  /** scrypt$N$r$p$salt$hash — parameters travel with the hash so they can be raised later. */
  passwordHash: text().notNull(),
  /**
   * Every session token carries the version it was issued under and is refused once it differs:
   * sign-out, a password change or removal from an organization bump it, ending every session at once.
   */
  sessionVersion: integer().notNull().default(0),
  createdAt: createdAt(),
});

/** Sign-in attempts per email, to slow down guessing one account's password. */
export const signInThrottles = pgTable("sign_in_throttles", {
  email: text().primaryKey(),
  /** Attempts in the current window, counted before the password is checked (a success clears them). */
  failedCount: integer().notNull().default(0),
  windowStartedAt: timestamptz().notNull().defaultNow(),
  lockedUntil: timestamptz(),
});

/** Sign-in attempts per client address (IPv6 by /64), so one address cannot spray many emails. */
export const signInAddressThrottles = pgTable("sign_in_address_throttles", {
  address: text().primaryKey(),
  /** Attempts in the current window, counted before the password is checked (a success is given back). */
  failedCount: integer().notNull().default(0),
  windowStartedAt: timestamptz().notNull().defaultNow(),
  lockedUntil: timestamptz(),
});
