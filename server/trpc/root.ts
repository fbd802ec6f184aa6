import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { advertisingRouter } from "./routers/advertising";
import { amazonRouter } from "./routers/amazon";
import { claimsRouter } from "./routers/claims";
import { costsRouter } from "./routers/costs";
import { ordersRouter } from "./routers/orders";
import { runsRouter } from "./routers/runs";
import { salesSummaryRouter } from "./routers/sales-summary";
import { syncRouter } from "./routers/sync";
import { invitationRouter } from "./routers/invitation";
import { inventoryRouter } from "./routers/inventory";
import { listsRouter } from "./routers/lists";
import { organizationRouter } from "./routers/organization";
import { teamRouter } from "./routers/team";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  organization: organizationRouter,
  team: teamRouter,
  invitation: invitationRouter,
  amazon: amazonRouter,
  sync: syncRouter,
  advertising: advertisingRouter,
  orders: ordersRouter,
  lists: listsRouter,
  salesSummary: salesSummaryRouter,
  inventory: inventoryRouter,
  claims: claimsRouter,
  costs: costsRouter,
  runs: runsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
