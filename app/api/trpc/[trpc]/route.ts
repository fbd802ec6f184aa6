import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MiB, withBodyLimit } from "~/server/http/body-limit";
import { logUnexpectedError, UNEXPECTED_ERROR_MESSAGE } from "~/server/http/unexpected-error";
import { createRequestContext } from "~/server/trpc/context";
import { appRouter } from "~/server/trpc/root";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The largest tRPC call (a batch included) is a few kilobytes of ids and names; 1 MiB is plenty. */
export const TRPC_MAX_BODY_BYTES = 1 * MiB;

const handler = withBodyLimit(TRPC_MAX_BODY_BYTES, (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
    onError: ({ path, error }) => {
      // Procedures log their own unexpected errors (server/trpc/init.ts) and hand over the plain message;
      // what fails outside them (creating the context) is logged here.
      if (error.code === "INTERNAL_SERVER_ERROR" && error.message !== UNEXPECTED_ERROR_MESSAGE)
        logUnexpectedError(`trpc ${path ?? "?"}`, error.cause ?? error);
    },
  }),
);

export { handler as GET, handler as POST };
