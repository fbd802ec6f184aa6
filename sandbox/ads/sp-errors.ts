import type { EntityTypeSpec } from "./entities";

// Per-item errors of the SP v3 207 multi-status answers, in the model's shapes
// (SponsoredProducts*MutationError: an errorType naming the one errorValue key that is set).

export type ItemError = { errorType: string; errorValue: Record<string, unknown> };

const cause = (t: EntityTypeSpec, i: number, field: string) => ({ location: `$.${t.bodyKey}[${String(i)}].${field}` });

const error = (errorType: string, value: Record<string, unknown>): ItemError => ({ errorType, errorValue: { [errorType]: value } });

export const missing = (t: EntityTypeSpec, i: number, field: string): ItemError =>
  error("missingValueError", { reason: "MISSING_VALUE", message: `${field} is required`, cause: cause(t, i, field) });

export const notFound = (entityType: string, id: string): ItemError =>
  error("entityNotFoundError", { entityId: id, entityType, message: `${entityType} ${id} not found`, reason: "ENTITY_NOT_FOUND" });

export const malformed = (t: EntityTypeSpec, i: number, field: string, msg: string): ItemError =>
  error("malformedValueError", { reason: "PATTERN_NOT_MATCHED", message: msg, cause: cause(t, i, field) });

/** A value outside its range (TOO_LOW/TOO_HIGH, with the limit) or outside its enumeration (with the allowed values). */
export const outOfRange = (t: EntityTypeSpec, i: number, field: string, msg: string, limit: { reason: "TOO_LOW"; lowerLimit: string } | { reason: "TOO_HIGH"; upperLimit: string } | { reason: "INVALID_ENUM_VALUE"; allowed: readonly string[] }): ItemError =>
  error("rangeError", { ...limit, message: msg, cause: cause(t, i, field) });

export const duplicate = (t: EntityTypeSpec, i: number, field: string, msg: string): ItemError =>
  error("duplicateValueError", { reason: "DUPLICATE_VALUE", message: msg, cause: cause(t, i, field) });

/** Amazon answers a placement it does not know with a bidding error (SponsoredProductsBiddingErrorReason). */
export const invalidPlacement = (t: EntityTypeSpec, i: number, field: string, msg: string): ItemError =>
  error("biddingError", { reason: "BID_INVALID_PLACEMENT", message: msg, cause: cause(t, i, field) });
