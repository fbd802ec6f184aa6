import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~/db/client";
import { claimCaseEvents, claimCases, storeMarketplaces } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { localToday } from "~/server/sync/windows";
import { localDay } from "~/server/validation/day";
import { CLAIM_STATUS_LABELS } from "./labels";
import { canSubmit, claimStatus, lapsesOn, type ClaimStatus } from "./status";

/*
 * The seller's side of a case: recording that it was filed in Seller Central (and under which Amazon case
 * id), or taking that back when it was recorded by mistake. Each runs in one transaction holding the case's
 * row (`for update`), so two clicks, or two members, cannot file it twice; each leaves a transition.
 */

/** Amazon's case ids are 10–11 digits today; a little slack either way for older and future ones. */
export const amazonCaseId = z
  .string()
  .trim()
  .regex(/^\d{8,15}$/, { error: "Enter Amazon's case id: the 8 to 15 digits Seller Central shows for the case." });

export const submitClaimInput = z.object({ caseId: z.uuid(), amazonCaseId, submittedOn: localDay });

interface Actor {
  organizationId: string;
  userId: string;
}

const notFound = () => new UserFacingError("not_found", "There is no such claim case in this organization.");

/** The case, locked for the rest of the transaction, with its marketplace's zone; only the organization's own. */
async function lockCase(tx: Pick<Database, "select">, organizationId: string, caseId: string) {
  const [row] = await tx
    .select({ c: claimCases, timeZone: storeMarketplaces.timeZone })
    .from(claimCases)
    .innerJoin(storeMarketplaces, and(eq(storeMarketplaces.id, claimCases.storeMarketplaceId), eq(storeMarketplaces.organizationId, organizationId)))
    .where(and(eq(claimCases.id, caseId), eq(claimCases.organizationId, organizationId)))
    .for("update", { of: claimCases });
  if (!row) throw notFound();
  return row;
}

function statusOf(c: typeof claimCases.$inferSelect, today: string): ClaimStatus {
  return claimStatus({ resolution: c.resolution, submittedOn: c.submittedOn, eligibleFrom: c.eligibleFrom, deadline: c.deadline }, today);
}

/**
 * Records that the seller filed the case in Seller Central on `submittedOn` (a local day of the case's
 * marketplace) as Amazon case `amazonCaseId`: only while the case can be filed (open, or lapsed and filed
 * again). The day must be in Amazon's window (not before it opened, not after the marketplace's today), and
 * for a case filed again, not before the last submission lapsed.
 */
export async function submitClaim(
  db: Database,
  input: Actor & { caseId: string; amazonCaseId: string; submittedOn: string },
  now = new Date(),
): Promise<{ status: ClaimStatus; attempt: number; lapsesOn: string }> {
  if (!z.uuid().safeParse(input.caseId).success) throw notFound();
  const checked = submitClaimInput.safeParse(input);
  if (!checked.success) throw new UserFacingError("bad_request", checked.error.issues.map((i) => i.message).join(" "));
  const { caseId, amazonCaseId, submittedOn } = checked.data;
  return db.transaction(async (tx) => {
    const { c, timeZone } = await lockCase(tx, input.organizationId, caseId);
    const today = localToday(timeZone, now);
    const status = statusOf(c, today);
    if (!canSubmit(status)) throw new UserFacingError("conflict", `This case cannot be filed now: it is ${CLAIM_STATUS_LABELS[status].toLowerCase()}.`);
    if (submittedOn > today) throw new UserFacingError("bad_request", `The day it was filed cannot be after today (${today} in the marketplace).`);
    // Filed before our window opened is possible (a seller may file early; Amazon may refuse it), before the
    // loss itself is not.
    if (submittedOn < c.eventDay)
      throw new UserFacingError("bad_request", `The day it was filed cannot be before the event it claims for, on ${c.eventDay}.`);
    if (status === "lapsed" && c.submittedOn && submittedOn < lapsesOn(c.submittedOn))
      throw new UserFacingError("bad_request", `Filed again before the last submission lapsed on ${lapsesOn(c.submittedOn)}? Enter the day it was filed again.`);
    const attempt = c.submissions + 1;
    await tx
      .update(claimCases)
      .set({ amazonCaseId, submittedOn, submittedBy: input.userId, submissions: attempt, lapsedAt: null })
      .where(eq(claimCases.id, c.id));
    await tx.insert(claimCaseEvents).values({
      organizationId: input.organizationId,
      claimCaseId: c.id,
      at: now,
      transition: "submitted",
      actorUserId: input.userId,
      // What an undo restores: the submission this one replaced, and when it had lapsed.
      detail: { amazonCaseId, submittedOn, attempt, previousLapsedAt: c.lapsedAt?.toISOString() ?? null },
    });
    return { status: statusOf({ ...c, submittedOn }, today), attempt, lapsesOn: lapsesOn(submittedOn) };
  });
}

/**
 * Takes back a submission the seller recorded by mistake, only while it waits for Amazon's answer: the case
 * goes back to where it stood before it — open, or lapsed with the previous submission when this one filed
 * it again.
 */
export async function withdrawSubmission(db: Database, input: Actor & { caseId: string }, now = new Date()): Promise<{ status: ClaimStatus }> {
  if (!z.uuid().safeParse(input.caseId).success) throw notFound();
  return db.transaction(async (tx) => {
    const { c, timeZone } = await lockCase(tx, input.organizationId, input.caseId);
    const today = localToday(timeZone, now);
    const status = statusOf(c, today);
    if (status !== "submitted") throw new UserFacingError("conflict", `Only a submission waiting for Amazon's answer can be undone; this case is ${CLAIM_STATUS_LABELS[status].toLowerCase()}.`);
    const previous = await submissionEvents(tx, input.organizationId, c.id);
    const current = previous.find((e) => e.detail.attempt === c.submissions);
    const before = c.submissions > 1 ? previous.find((e) => e.detail.attempt === c.submissions - 1) : undefined;
    const lapsedAt = typeof current?.detail.previousLapsedAt === "string" ? new Date(current.detail.previousLapsedAt) : null;
    const restored = before
      ? { amazonCaseId: String(before.detail.amazonCaseId), submittedOn: String(before.detail.submittedOn), submittedBy: before.actorUserId, lapsedAt }
      : { amazonCaseId: null, submittedOn: null, submittedBy: null, lapsedAt: null };
    await tx
      .update(claimCases)
      .set({ ...restored, submissions: Math.max(0, c.submissions - 1) })
      .where(eq(claimCases.id, c.id));
    await tx.insert(claimCaseEvents).values({
      organizationId: input.organizationId,
      claimCaseId: c.id,
      at: now,
      transition: "reopened",
      actorUserId: input.userId,
      detail: { withdrawnAmazonCaseId: c.amazonCaseId, withdrawnSubmittedOn: c.submittedOn, attempt: c.submissions },
    });
    return { status: statusOf({ ...c, submittedOn: restored.submittedOn }, today) };
  });
}

/** The case's 'submitted' transitions, newest first: each names its attempt. */
function submissionEvents(tx: Pick<Database, "select">, organizationId: string, caseId: string) {
  return tx
    .select({ detail: claimCaseEvents.detail, actorUserId: claimCaseEvents.actorUserId })
    .from(claimCaseEvents)
    .where(and(eq(claimCaseEvents.organizationId, organizationId), eq(claimCaseEvents.claimCaseId, caseId), eq(claimCaseEvents.transition, "submitted")))
    .orderBy(desc(claimCaseEvents.at));
}
