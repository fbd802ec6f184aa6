import { setting } from "~/server/settings";

/** The sync settings the kit reads (shorter waits against an accelerated sandbox). */
export function settings() {
  return {
    /** First wait before polling a requested report; later waits grow ×1.5 up to 5 minutes. */
    firstPollSeconds: setting("SYNC_REPORT_POLL_SECONDS"),
    /** Overrides every report type's regeneration limit after a FATAL (tests and demos only). */
    fatalCooldownSeconds: setting("SYNC_FATAL_COOLDOWN_SECONDS"),
  };
}
