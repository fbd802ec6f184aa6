import { z } from "zod";
import { connectAdProfiles, startAdsAuthorization } from "~/server/amazon/authorization/ads";
import { disconnectAdProfile, disconnectStore } from "~/server/amazon/authorization/disconnect";
import { listAuthorizations } from "~/server/amazon/authorization/queries";
import { startStoreAuthorization } from "~/server/amazon/authorization/store";
import { REGIONS } from "~/server/amazon/endpoints";
import { publishWithInngest } from "~/server/amazon/inngest-publish";
import { createTRPCRouter, organizationProcedure } from "../init";

const region = z.enum(REGIONS);

export const amazonRouter = createTRPCRouter({
  authorizations: organizationProcedure().query(({ ctx }) => listAuthorizations(ctx.db, ctx.organizationId)),

  startStoreAuthorization: organizationProcedure("admin")
    .input(z.object({ region }))
    .mutation(({ ctx, input }) => startStoreAuthorization(ctx.db, ctx.actor, input.region)),

  startAdsAuthorization: organizationProcedure("admin")
    .input(z.object({ region }))
    .mutation(({ ctx, input }) => startAdsAuthorization(ctx.db, ctx.actor, input.region)),

  connectAdProfiles: organizationProcedure("admin")
    .input(z.object({ adProfileIds: z.array(z.uuid()).min(1).max(200) }))
    .mutation(({ ctx, input }) => connectAdProfiles({ db: ctx.db, publish: publishWithInngest }, ctx.actor, input.adProfileIds)),

  disconnectStore: organizationProcedure("admin")
    .input(z.object({ storeId: z.uuid(), keepData: z.boolean() }))
    .mutation(({ ctx, input }) => disconnectStore({ db: ctx.db, publish: publishWithInngest }, ctx.actor, input)),

  disconnectAdProfile: organizationProcedure("admin")
    .input(z.object({ adProfileId: z.uuid(), keepData: z.boolean() }))
    .mutation(({ ctx, input }) => disconnectAdProfile({ db: ctx.db, publish: publishWithInngest }, ctx.actor, input)),
});
