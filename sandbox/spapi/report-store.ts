import type { DocumentCharset, DocumentForm } from "./document-forms";
export type ProcessingStatus = "IN_QUEUE" | "IN_PROGRESS" | "DONE" | "CANCELLED" | "FATAL";

export interface ReportRecord {
  reportId: string;
  sellerId: string;
  reportType: string;
  marketplaceIds: string[];
  dataStartTime?: number;
  dataEndTime?: number;
  reportOptions?: Record<string, string>;
  createdTime: number;
  /** Sandbox instants at which processing starts and ends. */
  startAt: number;
  doneAt: number;
  /** The document's form and character set, fixed when the report was asked for (fault knobs). */
  documentForm?: DocumentForm;
  documentCharset?: DocumentCharset;
  /** Forced outcome (fault knob / cancel / cooldown); otherwise decided by the data. */
  outcome?: "CANCELLED" | "FATAL";
  cancelledAt?: number;
  reportDocumentId?: string;
  /** Set once the document was generated (at or after doneAt). */
  resolved?: "DONE" | "CANCELLED" | "FATAL";
}

export class ReportStore {
  private seq = 0;
  readonly reports = new Map<string, ReportRecord>();

  nextId(): string {
    this.seq += 1;
    return String(50000000000 + this.seq * 7919);
  }

  add(r: ReportRecord): void {
    this.reports.set(r.reportId, r);
  }

  get(id: string): ReportRecord | undefined {
    return this.reports.get(id);
  }

  forSeller(sellerId: string): ReportRecord[] {
    return [...this.reports.values()].filter((r) => r.sellerId === sellerId);
  }
}
