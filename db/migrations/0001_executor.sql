CREATE TABLE "executor_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text,
	"attempt" integer NOT NULL,
	"status" integer,
	"outcome" text NOT NULL,
	"error" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_crons" (
	"function_id" text NOT NULL,
	"schedule" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "executor_crons_function_id_schedule_pk" PRIMARY KEY("function_id","schedule")
);
--> statement-breakpoint
CREATE TABLE "executor_debounces" (
	"function_id" text NOT NULL,
	"key" text NOT NULL,
	"event" jsonb NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	CONSTRAINT "executor_debounces_function_id_key_pk" PRIMARY KEY("function_id","key")
);
--> statement-breakpoint
CREATE TABLE "executor_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_pauses" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"kind" text NOT NULL,
	"event_name" text,
	"expression" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"run_id" text,
	"step_id" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"payload" jsonb,
	"dedupe_key" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_rate_state" (
	"key" text PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executor_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"status" text NOT NULL,
	"event" jsonb NOT NULL,
	"events" jsonb NOT NULL,
	"version" integer DEFAULT 2 NOT NULL,
	"disable_immediate" boolean DEFAULT false NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"concurrency_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"singleton_key" text,
	"parent_run_id" text,
	"parent_step_id" text,
	"start_by" timestamp with time zone,
	"finish_by" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "executor_steps" (
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"op" text NOT NULL,
	"status" text NOT NULL,
	"memo" jsonb,
	"stack_index" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" jsonb,
	"opts" jsonb,
	"wake_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "executor_steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE INDEX "executor_attempts_run_id_id_index" ON "executor_attempts" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "executor_events_received_at_index" ON "executor_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "executor_events_name_received_at_index" ON "executor_events" USING btree ("name","received_at");--> statement-breakpoint
CREATE INDEX "executor_pauses_event_name_index" ON "executor_pauses" USING btree ("event_name");--> statement-breakpoint
CREATE INDEX "executor_pauses_run_id_index" ON "executor_pauses" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "executor_queue_dedupe_key_index" ON "executor_queue" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "executor_queue_not_before_index" ON "executor_queue" USING btree ("not_before");--> statement-breakpoint
CREATE INDEX "executor_queue_run_id_index" ON "executor_queue" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "executor_runs_function_id_created_at_index" ON "executor_runs" USING btree ("function_id","created_at");--> statement-breakpoint
CREATE INDEX "executor_runs_status_created_at_index" ON "executor_runs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "executor_runs_singleton_key_index" ON "executor_runs" USING btree ("singleton_key");