/**
 * The product's settings: every environment variable, declared once (`catalog.ts`, `declarations/`) with
 * its zod schema, default, meaning and readers. Code reads `setting("NAME")`, never `process.env`.
 */
export { AMAZON_CREDENTIALS, SETTINGS, type SettingName, type SettingValue } from "./catalog";
export type { Declaration, Reader } from "./declaration";
export { appUrl, checkSettings, childEnvironment, setting, SettingError } from "./read";
