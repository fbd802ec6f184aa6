import { timestamp } from "drizzle-orm/pg-core";

/** Every timestamp is a `timestamptz`: instants, never wall-clock times. */
export const timestamptz = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz().notNull().defaultNow();
