/** The embedded Inngest executor: see inngest/README.md. */
export { startExecutor, type StartExecutorOptions } from "./http-transport";
export { Executor, type ExecutorOptions } from "./executor";
export { HandlerTransport } from "./handler-transport";
export { createApi } from "./api";
export type { Clock } from "./types";
