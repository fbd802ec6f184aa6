import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";

/*
 * The product's icons as browsers and phones ask for them, rendered from the one drawing of the mark
 * (public/icon.svg): PNGs for the app manifest and the home screen, and favicon.ico for browsers that ask for
 * /favicon.ico by habit. Run after changing the mark: `npm run icons`.
 */

const PUBLIC = join(import.meta.dirname, "..", "..", "public");

async function png(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: Math.ceil((72 * size) / 32) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

/** An ICO holding PNG images (every browser since Vista-era reads PNG entries). */
function ico(images: Array<{ size: number; data: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const svg = await readFile(join(PUBLIC, "icon.svg"));
for (const [name, size] of [["icon-192.png", 192], ["icon-512.png", 512], ["apple-touch-icon.png", 180]] as const)
  await writeFile(join(PUBLIC, name), await png(svg, size));
await writeFile(join(PUBLIC, "favicon.ico"), ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(svg, size) })))));
console.info("[icons] wrote public/icon-192.png, icon-512.png, apple-touch-icon.png, favicon.ico");
