import type { Kind } from "./kinds";

/** The processes of the product (ARCHITECTURE.md, "Processes"), and the test tooling. */
export const READERS = ["launcher", "web", "executor", "sandbox", "embedded PostgreSQL", "tests"] as const;
export type Reader = (typeof READERS)[number];

/**
 * One environment variable: what it accepts and defaults to (its kind), what it means (the README's
 * text) and which processes read it.
 */
export interface Declaration<T = unknown> extends Kind<T> {
  meaning: string;
  readBy: readonly Reader[];
  /** The library that reads it inside a process, where that is not our code (Auth.js, the Inngest SDK). */
  via?: Partial<Record<Reader, string>>;
  /** The README's default when the schema's own doesn't say it: computed, generated, embedded… */
  shownDefault?: string;
  /**
   * `operator` (default): yours to set. `test`: read only by the test tooling. `internal`: set by the
   * launcher for its children, so `npm start` doesn't check what it is about to overwrite.
   */
  audience?: "operator" | "test" | "internal";
  /** Never echoed in an error message (keys, passwords, URLs that carry one). */
  secret?: true;
}
