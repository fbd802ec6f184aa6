/** Messages between `startEmbeddedPostgres` and its child (`child.ts`) over Node's IPC channel. */
export type ChildMessage =
  | { type: "ready"; url: string; adminUrl: string }
  | { type: "failed"; name: string; message: string };

export type ParentMessage = { type: "stop" };
