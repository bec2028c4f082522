// Writes every vector of the cctv-age package as a file (see fetch_age_vectors.sh).
//   node write_age_vectors.mjs PACKAGE_DIR OUTDIR
// Each vector is "key: value" lines, an empty line, then the age file; a vector marked
// "compressed: zlib" is written with its age file inflated and without that line.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
    console.error("usage: node write_age_vectors.mjs PACKAGE_DIR OUTDIR");
    process.exit(2);
}
const module = await import(pathToFileURL(join(packageDir, "index.js")).href);
// A name -> bytes map: the default export where there is one, else the named exports (0.2.0).
const vectors = module.default && typeof module.default === "object" ? module.default : module;

mkdirSync(outDir, { recursive: true });
let count = 0;
for (const [name, bytes] of Object.entries(vectors)) {
    if (!(bytes instanceof Uint8Array))
        continue;
    if (!/^[A-Za-z0-9_.-]+$/.test(name))
        throw new Error(`unexpected vector name: ${name}`);
    const file = Buffer.from(bytes);
    const split = file.indexOf("\n\n");
    if (split < 0)
        throw new Error(`vector ${name} has no empty line after its header`);
    const lines = file.subarray(0, split).toString("latin1").split("\n");
    let body = file.subarray(split + 2);
    const compressed = lines.filter((line) => line.startsWith("compressed: "));
    if (compressed.length > 1 || (compressed.length === 1 && compressed[0] !== "compressed: zlib"))
        throw new Error(`vector ${name}: unknown compression ${compressed.join(", ")}`);
    if (compressed.length === 1)
        body = inflateSync(body);
    const header = lines.filter((line) => !line.startsWith("compressed: ")).join("\n") + "\n\n";
    writeFileSync(join(outDir, name), Buffer.concat([Buffer.from(header, "latin1"), body]));
    ++count;
}
if (count === 0)
    throw new Error("the package holds no vector");
console.log(`wrote ${count} age test vectors to ${outDir}`);
