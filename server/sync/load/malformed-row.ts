/** A report row that does not look like Amazon's: the whole report is refused, nothing is written. */
export class MalformedReportRowError extends Error {
  override name = "MalformedReportRowError";
}
