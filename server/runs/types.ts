/** What the admin runs page (and later the Sync center) renders. All times are Date instants. */

export type RunStatus = "queued" | "running" | "completed" | "failed" | "cancelled";
export type StepStatus = "planned" | "sleeping" | "waiting" | "invoking" | "completed" | "failed";

export interface RunError {
  name: string;
  message: string;
  stack?: string;
}

export interface StepView {
  /** sha1 id the SDK uses. */
  stepId: string;
  /** The step id as written in code (`step.run("fetch-orders", …)`). */
  name: string;
  /** StepRun | Sleep | WaitForEvent | InvokeFunction | StepFailed … */
  op: string;
  status: StepStatus;
  /** Position in completion order, null while pending. */
  order: number | null;
  attempts: number;
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
  /** For sleeps: when it wakes. */
  wakeAt: Date | null;
  /** The final error, or the last retried one while still retrying. */
  error: RunError | null;
  /** The memoized result ({data} for step.run, the event for waitForEvent, null for sleeps). */
  result: unknown;
}

export interface AttemptView {
  stepId: string | null;
  /** Step name, or "(discovery)" for a call that asked the function what to do next. */
  stepName: string;
  attempt: number;
  httpStatus: number | null;
  /** What the SDK answered: "StepRun", "StepError", "complete", "error", "unreachable", … */
  outcome: string;
  error: RunError | null;
  startedAt: Date;
  durationMs: number;
}

export interface RunSummary {
  id: string;
  functionId: string;
  functionName: string;
  status: RunStatus;
  eventName: string;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  error: RunError | null;
  steps: StepView[];
}

export interface RunDetail extends RunSummary {
  event: unknown;
  output: unknown;
  attempts: AttemptView[];
}

export interface ListRunsInput {
  /** Only runs about this organization (its events carry `organizationId`). */
  organizationId?: string;
  functionId?: string;
  status?: RunStatus | RunStatus[];
  /** Page size, 1..200 (default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface FunctionView {
  id: string;
  name: string;
  triggers: Array<{ event?: string; cron?: string }>;
  counts: Record<RunStatus, number>;
  lastRunAt: Date | null;
}
