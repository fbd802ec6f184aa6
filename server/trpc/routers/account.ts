import { changePassword, changePasswordInput } from "~/server/accounts/password-change";
import { createTRPCRouter, protectedProcedure } from "../init";

/** The signed-in user's own account, whichever organization is active. */
export const accountRouter = createTRPCRouter({
  /** Ends every session of the user, the caller's too; `changePasswordAction` signs this browser in again. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.userId, input)),
});
