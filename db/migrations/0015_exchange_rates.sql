CREATE TABLE "exchange_rates" (
	"day" text NOT NULL,
	"currency" text NOT NULL,
	"eur_rate" numeric(20, 6) NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_rates_currency_day_pk" PRIMARY KEY("currency","day")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "base_currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
-- hand-written: a day's rate is the last one the ECB published on or before it (weekends, holidays and
-- today before 16:00 CET use the previous working day's); the euro is 1. Null when none was published yet.
CREATE FUNCTION "eur_rate_on"(p_currency text, p_day text) RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_currency = 'EUR' THEN 1::numeric ELSE
    (SELECT eur_rate FROM exchange_rates WHERE currency = p_currency AND day <= p_day ORDER BY day DESC LIMIT 1) END
$$;
--> statement-breakpoint
-- An amount of one currency in another, through the euro rates of its day; null when a rate is missing.
CREATE FUNCTION "in_currency"(p_amount numeric, p_from text, p_to text, p_day text) RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_from = p_to THEN p_amount ELSE p_amount / eur_rate_on(p_from, p_day) * eur_rate_on(p_to, p_day) END
$$;
