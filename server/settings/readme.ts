import { declarations } from "./catalog";
import { READERS, type Declaration } from "./declaration";

/** README.md's settings section lies between these; `npm run docs:settings` rewrites it. */
export const START_MARKER = "<!-- settings:start — generated from server/settings/ by `npm run docs:settings`; edit the declarations, not this text -->";
export const END_MARKER = "<!-- settings:end -->";

const unique = <T>(values: T[]) => [...new Set(values)];

function shownDefault(declaration: Declaration): string {
  if (declaration.shownDefault !== undefined) return declaration.shownDefault;
  const value = declaration.schema.safeParse(undefined).data;
  return value === undefined ? "(unset)" : String(value);
}

const readers = (declaration: Declaration) =>
  READERS.filter((reader) => declaration.readBy.includes(reader)).map((reader) =>
    declaration.via?.[reader] ? `${reader} (${declaration.via[reader]})` : reader,
  );

interface Row {
  names: string[];
  defaults: string[];
  readBy: string[];
  meaning: string;
}

/** Neighbours with the same meaning share a row (`SP_API_CLIENT_ID`, `SP_API_CLIENT_SECRET`). */
function rows(audience: NonNullable<Declaration["audience"]>): Row[] {
  const result: Row[] = [];
  for (const [name, declaration] of declarations()) {
    if ((declaration.audience ?? "operator") !== audience) continue;
    const last = result.at(-1);
    if (last?.meaning === declaration.meaning) {
      last.names.push(name);
      last.defaults.push(shownDefault(declaration));
      last.readBy = unique([...last.readBy, ...readers(declaration)]);
    } else result.push({ names: [name], defaults: [shownDefault(declaration)], readBy: readers(declaration), meaning: declaration.meaning });
  }
  return result;
}

const cell = (text: string) => text.replaceAll("|", "\\|");

function table(audience: NonNullable<Declaration["audience"]>, withReaders: boolean): string {
  const header = withReaders ? ["Variable", "Default", "Read by", "Meaning"] : ["Variable", "Default", "Meaning"];
  const lines = rows(audience).map((row) => {
    const cells = [row.names.map((name) => `\`${name}\``).join(", "), unique(row.defaults).join(", ")];
    if (withReaders) cells.push(row.readBy.join(", "));
    cells.push(row.meaning);
    return `| ${cells.map(cell).join(" | ")} |`;
  });
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...lines].join("\n");
}

/** The settings section of README.md, markers included. */
export function renderSettingsSection(): string {
  return [
    START_MARKER,
    table("operator", true),
    "",
    "Test-only, read by the test tooling and never by the product:",
    "",
    table("test", false),
    "",
    "Set by `npm start` (or a parent process) for its children; never set them yourself:",
    "",
    table("internal", true),
    END_MARKER,
  ].join("\n");
}

/** README.md with its settings section replaced by `section`. */
export function withSettingsSection(readme: string, section: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md lacks the settings markers (${START_MARKER} … ${END_MARKER}).`);
  return readme.slice(0, start) + section + readme.slice(end + END_MARKER.length);
}
