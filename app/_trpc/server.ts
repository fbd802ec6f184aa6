import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { createRequestContext } from "~/server/trpc/context";
import { createCaller, type AppRouter } from "~/server/trpc/root";
import { createQueryClient } from "./query-client";

/** One context and one query client per server render. */
const createContext = cache(async () => {
  const heads = new Headers(await headers());
  heads.set("x-trpc-source", "rsc");
  return createRequestContext(heads);
});
const getQueryClient = cache(createQueryClient);

const caller = createCaller(createContext);

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient);
