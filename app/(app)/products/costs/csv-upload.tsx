"use client";

import { useState } from "react";
import { formatCount } from "~/app/_components/format";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { ImportResultPanel } from "./import-result";

type Store = NonNullable<RouterOutputs["costs"]["list"]["store"]>;

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * "Upload CSV": the template to fill in, the file, and what became of it — every row imported, or none and
 * each bad row with its line, column and problem.
 */
export function CsvUpload({ store }: { store: Store }) {
  const utils = api.useUtils();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string>();
  const upload = api.costs.importCsv.useMutation({
    onError: (e) => setError(e.message),
    onSuccess: async (result) => {
      if (result.status === "imported") await utils.costs.invalidate();
    },
  });
  const send = async () => {
    if (!file) return;
    setError(undefined);
    upload.reset();
    // Refused here too, so a large file is never sent only to be refused.
    if (file.size > MAX_BYTES) return setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; upload at most 5 MB (about 50,000 rows) at a time.`);
    upload.mutate({ storeId: store.id, fileName: file.name, csv: await file.text() });
  };
  return (
    <section className="card space-y-2 p-3" data-testid="csv-upload">
      <h2>Upload costs from a CSV file</h2>
      <p className="text-slate-600">
        Columns: <code className="text-xs">sku, valid_from, currency, purchase_cost, inbound_shipping_cost, other_cost, note</code> — dates as
        YYYY-MM-DD, amounts with a decimal point and no currency sign; an empty currency is {store.currency}, empty shipping and other costs are 0.
        A row with a SKU and no cost is skipped. If any row is wrong nothing is imported, and every wrong row is listed. Uploading a row again
        for the same SKU and date replaces that cost. At most 5 MB (about {formatCount(50_000)} rows).
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <a className="btn" href={`/api/export/product-costs/template?store=${store.id}`} download data-testid="download-template">
          Download the template
        </a>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          className="text-[13px]"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            upload.reset();
            setError(undefined);
          }}
        />
        <button className="btn-primary" type="button" disabled={!file || upload.isPending} onClick={() => void send()}>
          {upload.isPending ? "Checking…" : "Import"}
        </button>
      </div>
      <FormError message={error} />
      {upload.data && <ImportResultPanel result={upload.data} fileName={file?.name ?? "file"} />}
    </section>
  );
}
