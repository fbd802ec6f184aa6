/** The sync settings the kit reads (shorter waits against an accelerated sandbox). */
export function settings() {
  const poll = Number(process.env.SYNC_REPORT_POLL_SECONDS ?? 30);
  const cooldown = process.env.SYNC_FATAL_COOLDOWN_SECONDS;
  return {
    /** First wait before polling a requested report; later waits grow ×1.5 up to 5 minutes. */
    firstPollSeconds: Number.isFinite(poll) && poll > 0 ? poll : 30,
    /** Overrides every report type's regeneration limit after a FATAL (tests and demos only). */
    fatalCooldownSeconds: cooldown !== undefined && cooldown !== "" && Number(cooldown) >= 0 ? Number(cooldown) : undefined,
  };
}
