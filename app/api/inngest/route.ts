import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { inngest } from "~/inngest/client";
import { functions } from "~/inngest/functions";
import { MiB, withBodyLimit } from "~/server/http/body-limit";

// SP-API clients and Postgres need Node; every request must reach the handler uncached.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Each call from Inngest carries the run's whole state: its event(s) and every step result so far.
 * Inngest caps that state at 32 MB (and the embedded executor never offloads it), so the limit sits
 * above the cap with room for the JSON envelope: a legitimate run is never refused here, a flood is.
 * (While proxy.ts matches /api/inngest, Next cuts bodies at its proxy's 10 MB first; withBodyLimit
 * answers those with a 413 that says so.)
 */
export const INNGEST_MAX_BODY_BYTES = 40 * MiB;

const handlers = serve({ client: inngest, functions });
const limited = (handler: typeof handlers.GET) =>
  withBodyLimit(INNGEST_MAX_BODY_BYTES, handler, (request, body) => new NextRequest(request, { body }));

export const GET = limited(handlers.GET);
export const POST = limited(handlers.POST);
export const PUT = limited(handlers.PUT);
