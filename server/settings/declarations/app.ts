import type { Declaration } from "../declaration";
import { httpUrl, keyRing, longText, port, postgresUrl, proxyCount, text } from "../kinds";

/** The web app, its database and its secrets. */
export const APP_SETTINGS = {
  PORT: { ...port(3000), readBy: ["launcher", "executor"], meaning: "Port of the web app." },
  HOST: {
    ...text("127.0.0.1"),
    readBy: ["launcher"],
    meaning: "Interface the web app listens on. Loopback by default; `0.0.0.0` opens it (put it behind a TLS reverse proxy).",
  },
  APP_URL: {
    ...httpUrl(),
    readBy: ["launcher", "web", "executor"],
    shownDefault: "http://localhost:$PORT",
    meaning: "Public origin of the web app (links in invitations, OAuth redirect URIs).",
  },
  AUTH_URL: {
    ...httpUrl(),
    readBy: ["launcher", "web"],
    via: { web: "Auth.js" },
    shownDefault: "$APP_URL",
    meaning: "Origin Auth.js builds its URLs on; `https://` makes session cookies secure-only. Set it only when it differs from `APP_URL`.",
  },
  DATABASE_URL: {
    ...postgresUrl(),
    readBy: ["launcher", "web", "executor"],
    secret: true,
    shownDefault: "(embedded)",
    meaning: "PostgreSQL connection URL. Unset: `npm start` runs an embedded PostgreSQL whose data lives in `.data/postgres`.",
  },
  EMBEDDED_POSTGRES_PORT: {
    ...port(54320),
    readBy: ["launcher"],
    meaning: "Port of the embedded PostgreSQL (only when `DATABASE_URL` is unset).",
  },
  EMBEDDED_POSTGRES_DIR: {
    ...text(),
    readBy: ["launcher"],
    shownDefault: ".data/postgres",
    meaning:
      "Data folder of the embedded PostgreSQL. When running as root it must be reachable by the `postgres` user (not under `/root`).",
  },
  AUTH_SECRET: {
    ...longText(32),
    readBy: ["launcher", "web"],
    via: { web: "Auth.js" },
    secret: true,
    shownDefault: "(generated)",
    meaning: "Key that signs and encrypts session cookies. Unset: generated once and kept in `.data/auth-secret`.",
  },
  TRUST_PROXY: {
    ...proxyCount(),
    readBy: ["web"],
    shownDefault: "false",
    meaning:
      "How many reverse proxies in front of the web app append the client's address to `X-Forwarded-For` (`true` = 1). The per-address sign-in limit (20 attempts per 15 minutes) keys on the entry that many places from the right; with `false` it uses the address Next.js writes there from the socket, which a client reaching the app directly can override, so in production serve behind a proxy and set this.",
  },
  DATA_DIR: {
    ...text(".data"),
    readBy: ["launcher"],
    meaning: "Folder for local state: embedded database, generated secrets. Git-ignored.",
  },
  ENCRYPTION_KEYS: {
    ...keyRing(),
    readBy: ["launcher", "web"],
    secret: true,
    shownDefault: "(generated)",
    meaning:
      "Key ring for secrets at rest (refresh and access tokens, AES-256-GCM): `id:base64-of-32-bytes`, comma-separated, the first one encrypts. Unset: generated once into `.data/encryption-keys`.",
  },
} satisfies Record<string, Declaration>;
