import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "~/proxy";
import { metadata } from "./layout";

/*
 * The files a browser asks for without a session — favicon, icons, the app manifest, robots.txt — live in
 * public/ and must be served to a signed-out visitor, not redirected to sign-in by the proxy.
 */

const PUBLIC = join(import.meta.dirname, "..", "public");
// Next matches a request path against the whole matcher pattern.
const proxied = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("public assets", () => {
  it("are all served without a session, while pages still go through the proxy", async () => {
    const files = await readdir(PUBLIC);
    expect(files).toEqual(expect.arrayContaining(["favicon.ico", "icon.svg", "icon-192.png", "icon-512.png", "apple-touch-icon.png", "logo.svg", "manifest.webmanifest", "robots.txt"]));
    for (const file of files) expect(proxied(`/${file}`), file).toBe(false);
    for (const page of ["/", "/orders", "/advertising/history", "/products/costs"]) expect(proxied(page), page).toBe(true);
  });

  it("the manifest and the page metadata name icons that exist, and favicon.ico is an icon of PNG images", async () => {
    const manifest = JSON.parse(await readFile(join(PUBLIC, "manifest.webmanifest"), "utf8")) as { name: string; start_url: string; icons: { src: string }[] };
    expect(manifest).toMatchObject({ name: "Shelfwise", start_url: "/" });
    const files = new Set(await readdir(PUBLIC));
    for (const icon of manifest.icons) expect(files.has(icon.src.slice(1)), icon.src).toBe(true);
    expect(metadata.manifest).toBe("/manifest.webmanifest");
    const named = [...(metadata.icons as { icon: { url: string }[]; apple: string }).icon.map((i) => i.url), (metadata.icons as { apple: string }).apple];
    for (const url of named) expect(files.has(url.slice(1)), url).toBe(true);

    const ico = await readFile(join(PUBLIC, "favicon.ico"));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i));
    expect(sizes).toEqual([16, 32, 48]);
    const firstImage = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(firstImage, firstImage + 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
