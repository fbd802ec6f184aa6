import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Database } from "~/db/client";
import { UserFacingError } from "~/server/accounts/errors";
import { logUnexpectedError, UNEXPECTED_ERROR_MESSAGE } from "~/server/http/unexpected-error";
import { resolveActiveMembership } from "~/server/organizations/membership";
import { isDevelopment } from "~/server/settings/build-mode";
import { hasRole, type Role } from "~/server/organizations/roles";
import { describeInputError } from "~/server/validation/input-error";

export interface Context {
  db: Database;
  /** The signed-in user, or null. */
  userId: string | null;
  /** The organization the client asked to act in (a cookie); verified per call, never trusted. */
  requestedOrganizationId: string | undefined;
}

export interface Meta {
  /** Procedures acting inside one organization; the tenant-isolation test walks every one of them. */
  scope?: "organization";
  minRole?: Role;
}

/** A refused input: the client gets zod's flattened field errors, never its issues (patterns, internal codes). */
const inputError = (error: TRPCError) => (error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause : null);

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    // Stacks name files and carry the failing message; only a developer's own `next dev` shows them.
    isDev: isDevelopment(),
    errorFormatter: ({ shape, error }) => {
      const zodError = inputError(error);
      return {
        ...shape,
        // Also errors the middleware below never sees (context creation, output validation) explain nothing.
        message: error.code === "INTERNAL_SERVER_ERROR" ? UNEXPECTED_ERROR_MESSAGE : shape.message,
        data: { ...shape.data, zodError: zodError ? z.flattenError(zodError) : null },
      };
    },
  });

const USER_ERROR_CODES: Record<string, TRPCError["code"]> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  email_taken: "CONFLICT",
  conflict: "CONFLICT",
};

/**
 * tRPC wraps anything else thrown in an INTERNAL_SERVER_ERROR that repeats the original message, which
 * for a failed query is the SQL with its parameters. A TRPCError thrown on purpose has a code of its own
 * and a message written for the client.
 */
const thrownOnPurpose = (error: TRPCError) =>
  error.code !== "INTERNAL_SERVER_ERROR" && !(error.cause && error.message === error.cause.message);

/**
 * Every procedure's errors, mapped once: domain errors carry a message meant for the user and get the
 * matching HTTP meaning; refused input says which field and why; anything unexpected is logged here,
 * with the procedure's path, and reaches the client as a plain sentence.
 */
const mapErrors = t.middleware(async ({ path, type, next }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  const { cause } = error;
  if (cause instanceof UserFacingError)
    throw new TRPCError({ code: USER_ERROR_CODES[cause.code] ?? "BAD_REQUEST", message: cause.message, cause });
  const zodError = inputError(error);
  if (zodError) throw new TRPCError({ code: "BAD_REQUEST", message: describeInputError(zodError), cause: zodError });
  if (thrownOnPurpose(error)) return result;
  logUnexpectedError(`trpc ${type} ${path}`, cause ?? error);
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_ERROR_MESSAGE, cause });
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { userId: ctx.userId } });
});

/**
 * Acts inside the caller's active organization: membership and role are checked on every call, and
 * the organization id handlers filter by comes from here, never from input.
 */
export function organizationProcedure(minRole: Role = "viewer") {
  return protectedProcedure.meta({ scope: "organization", minRole }).use(async ({ ctx, next }) => {
    const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
    if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any organization." });
    if (!hasRole(membership.role, minRole))
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${minRole} role or higher; you are ${membership.role} in ${membership.organizationName}.`,
      });
    return next({
      ctx: {
        organizationId: membership.organizationId,
        role: membership.role,
        actor: { userId: ctx.userId, organizationId: membership.organizationId, role: membership.role },
      },
    });
  });
}
