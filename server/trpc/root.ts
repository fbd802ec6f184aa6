import { createCallerFactory, createTRPCRouter } from "./init";
import { amazonRouter } from "./routers/amazon";
import { invitationRouter } from "./routers/invitation";
import { organizationRouter } from "./routers/organization";
import { teamRouter } from "./routers/team";

export const appRouter = createTRPCRouter({
  organization: organizationRouter,
  team: teamRouter,
  invitation: invitationRouter,
  amazon: amazonRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
