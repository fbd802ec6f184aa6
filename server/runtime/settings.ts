/**
 * Every setting the product reads from the environment, with its default and meaning. The README's
 * settings table is this list; `npm start` fills in the embedded defaults for what is unset.
 */
export interface Setting {
  name: string;
  default: string;
  meaning: string;
}

export const SETTINGS: Setting[] = [
  { name: "PORT", default: "3000", meaning: "Port of the web app." },
  { name: "APP_URL", default: "http://localhost:$PORT", meaning: "Public origin of the web app (links in invitations, OAuth redirect URIs)." },
  {
    name: "DATABASE_URL",
    default: "(embedded)",
    meaning: "PostgreSQL connection URL. Unset: `npm start` runs an embedded PostgreSQL whose data lives in `.data/postgres`.",
  },
  { name: "EMBEDDED_POSTGRES_PORT", default: "54320", meaning: "Port of the embedded PostgreSQL (only when DATABASE_URL is unset)." },
  { name: "EMBEDDED_POSTGRES_DIR", default: ".data/postgres", meaning: "Data folder of the embedded PostgreSQL." },
  {
    name: "AUTH_SECRET",
    default: "(generated)",
    meaning: "Key that signs and encrypts session cookies. Unset: generated once and kept in `.data/auth-secret`. Set it in production.",
  },
  { name: "DATA_DIR", default: ".data", meaning: "Folder for local state: embedded database, generated secrets. Git-ignored." },
];

export function describeSettings(): string {
  const rows = SETTINGS.map((s) => `| \`${s.name}\` | ${s.default} | ${s.meaning} |`);
  return ["| Variable | Default | Meaning |", "| --- | --- | --- |", ...rows].join("\n");
}
