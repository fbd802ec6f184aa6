ALTER TABLE "sync_states" ADD COLUMN "last_outcome" text;--> statement-breakpoint
-- Windows are stable keys now; their labels are display text only.
UPDATE "sync_states" SET "window" = 'last-2-days' WHERE "task" = 'ads-performance' AND "window" = 'last 2 days';--> statement-breakpoint
UPDATE "sync_states" SET "window" = 'days-3-to-60' WHERE "task" = 'ads-performance' AND "window" = 'days 3–9, 15–22, 31–40, 51–60';--> statement-breakpoint
UPDATE "sync_states" SET "window" = 'since-yesterday' WHERE "task" = 'orders-incremental' AND "window" = 'since 00:00 yesterday';--> statement-breakpoint
UPDATE "sync_runs" SET "window" = 'last-2-days' WHERE "task" = 'ads-performance' AND "window" = 'last 2 days';--> statement-breakpoint
UPDATE "sync_runs" SET "window" = 'days-3-to-60' WHERE "task" = 'ads-performance' AND "window" = 'days 3–9, 15–22, 31–40, 51–60';--> statement-breakpoint
UPDATE "sync_runs" SET "window" = 'since-yesterday' WHERE "task" = 'orders-incremental' AND "window" = 'since 00:00 yesterday';
