import { serve } from "inngest/next";
import { inngest } from "~/inngest/client";
import { functions } from "~/inngest/functions";

// SP-API clients and Postgres need Node; every request must reach the handler uncached.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
