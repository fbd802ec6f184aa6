import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Database } from "~/db/client";
import { UserFacingError } from "~/server/accounts/errors";
import { resolveActiveMembership } from "~/server/organizations/membership";
import { hasRole, type Role } from "~/server/organizations/roles";

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

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => ({
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.flatten() : null },
    }),
  });

const USER_ERROR_CODES: Record<string, TRPCError["code"]> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  email_taken: "CONFLICT",
};

/** Domain errors carry a message meant for the user; give them the matching HTTP meaning. */
const userFacingErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UserFacingError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: USER_ERROR_CODES[cause.code] ?? "BAD_REQUEST", message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(userFacingErrors);

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
