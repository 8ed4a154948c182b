// test/electron/services/drafts/journal-writer.ts
import { readFileSync } from "node:fs";

// electron/services/drafts/draft-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { readdir as readdir2, readFile as readFile2, rename as rename2, unlink as unlink3 } from "node:fs/promises";
import { join as join2 } from "node:path";

// shared/errors.ts
var AppError = class extends Error {
  code;
  reason;
  params;
  constructor(code, message, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    if (options?.reason) this.reason = options.reason;
    if (options?.params) this.params = options.params;
  }
};

// electron/services/fs/atomic-write.ts
import { open, rename, unlink as unlink2, mkdir as mkdir2 } from "node:fs/promises";
import { dirname } from "node:path";

// electron/services/fs/private-files.ts
import { chmod, mkdir } from "node:fs/promises";
var privateFileMode = 384;
var privateDirMode = 448;
async function ensurePrivateDir(dir2) {
  await mkdir(dir2, { recursive: true, mode: privateDirMode });
  await chmod(dir2, privateDirMode).catch(() => void 0);
}

// electron/services/fs/temp-files.ts
import { readdir, stat, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { randomBytes } from "node:crypto";
var staleTempAgeMs = 15 * 6e4;
var tempPattern = /^\.(.+)\.sdte-(\d+)-[0-9a-f]+\.tmp$/;
var legacyTempPattern = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;
function tempPathFor(path, dir2, pid = process.pid) {
  return join(dir2, `.${basename(path)}.sdte-${pid}-${randomBytes(6).toString("hex")}.tmp`);
}
function parseTempName(name) {
  const match = tempPattern.exec(name);
  if (match) return { target: match[1], pid: Number(match[2]) };
  const legacy = legacyTempPattern.exec(name);
  return legacy ? { target: legacy[1], pid: null } : null;
}
function isProcessAlive(pid) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function sweepStaleTemps(dir2, options = {}) {
  const olderThanMs = options.olderThanMs ?? staleTempAgeMs;
  const now = options.now ?? Date.now;
  const alive = options.isAlive ?? isProcessAlive;
  const names = await readdir(dir2).catch(() => []);
  let removed = 0;
  for (const name of names) {
    const temp = parseTempName(name);
    if (!temp || options.targets && !options.targets(temp.target)) continue;
    const path = join(dir2, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const old = now() - info.mtimeMs >= olderThanMs;
    const orphan = temp.pid !== null && !alive(temp.pid);
    if (!old && !orphan) continue;
    if (await unlink(path).then(() => true, () => false)) removed++;
  }
  return removed;
}

// electron/services/fs/atomic-write.ts
async function writeFileAtomic(path, data, options = {}) {
  const dir2 = dirname(path);
  if (options.private) await ensurePrivateDir(dir2);
  else await mkdir2(dir2, { recursive: true });
  const temp = tempPathFor(path, dir2);
  const handle = await open(temp, "wx", options.private ? privateFileMode : options.mode ?? 438);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => void 0);
    await unlink2(temp).catch(() => void 0);
    throw error;
  }
  await handle.close();
  try {
    if (options.overwrite === false) await assertAbsent(path);
    await rename(temp, path);
  } catch (error) {
    await unlink2(temp).catch(() => void 0);
    throw error;
  }
  await syncDirectory(dir2);
}
async function assertAbsent(path) {
  try {
    const h = await open(path, "r");
    await h.close();
  } catch (error2) {
    if (error2.code === "ENOENT") return;
    throw error2;
  }
  const error = new Error(`${path} already exists`);
  error.code = "EEXIST";
  throw error;
}
async function syncDirectory(dir2) {
  if (process.platform === "win32") return;
  const handle = await open(dir2, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// electron/services/fs/fs-error.ts
import { stat as stat2 } from "node:fs/promises";
import { dirname as dirname2, resolve } from "node:path";
async function fileInPath(path) {
  let current = dirname2(resolve(path));
  for (; ; ) {
    try {
      const info = await stat2(current);
      return info.isDirectory() ? null : current;
    } catch {
    }
    const parent = dirname2(current);
    if (parent === current) return null;
    current = parent;
  }
}
async function fsErrorCause(error, path, verb = "write") {
  const code = error?.code;
  switch (code) {
    case "EROFS":
      return "the disk is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "ENOTDIR":
    case "ENOENT":
    case "EEXIST": {
      const file = await fileInPath(path);
      if (file !== null) return `a part of the path is a file (${file})`;
      if (code === "ENOENT") return verb === "read" ? "there is no such file" : "the folder does not exist";
      if (code === "EEXIST") return "the file already exists";
      return "a part of the path is not a folder";
    }
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

// electron/services/drafts/strip-urls.ts
var urlPattern = /https?:\/\/[^\s"'<>]+/gi;
function stripUrlQueries(text) {
  if (!text.includes("?") && !text.includes("#")) return text;
  return text.replace(urlPattern, (found) => {
    try {
      const url = new URL(found);
      if (!url.search && !url.hash) return found;
      return `${url.origin}${url.pathname}`;
    } catch {
      return found.replace(/[?#].*$/, "");
    }
  });
}
function stripUrlQueriesReplacer(_key, value) {
  return typeof value === "string" && value.length > 8 && /https?:/i.test(value) ? stripUrlQueries(value) : value;
}

// shared/transcript/model-patch.ts
function diffModel(base, next) {
  const from = base;
  const to = next;
  const set = {};
  const unset = [];
  for (const key of Object.keys(to)) if (key !== "segments" && (!(key in from) || from[key] !== to[key])) set[key] = to[key];
  for (const key of Object.keys(from)) if (!(key in to)) unset.push(key);
  const segments = from["segments"] === to["segments"] ? void 0 : diffSegments(asSegments(from["segments"]), asSegments(to["segments"]));
  return segments ? { set, unset, segments } : { set, unset };
}
function applyModelPatch(base, patch) {
  const out = { ...base };
  for (const key of patch.unset) delete out[key];
  for (const [key, value] of Object.entries(patch.set)) if (key !== "segments") out[key] = value;
  if (patch.segments) out["segments"] = applySegments(asSegments(out["segments"]), patch.segments);
  return out;
}
function asSegments(value) {
  return Array.isArray(value) ? value : [];
}
function diffSegments(from, to) {
  if (from.length === to.length) {
    const changed2 = [];
    let sameOrder = true;
    for (let i = 0; i < to.length; i++) {
      if (from[i].id !== to[i].id) {
        sameOrder = false;
        break;
      }
      if (from[i] !== to[i]) changed2.push(to[i]);
    }
    if (sameOrder) return { changed: changed2, removed: [] };
  }
  const before = /* @__PURE__ */ new Map();
  for (const segment of from) before.set(segment.id, segment);
  const changed = [];
  const order = [];
  for (const segment of to) {
    order.push(segment.id);
    if (before.get(segment.id) !== segment) changed.push(segment);
    before.delete(segment.id);
  }
  return { changed, removed: [...before.keys()], order };
}
function applySegments(from, patch) {
  const changed = /* @__PURE__ */ new Map();
  for (const segment of patch.changed) {
    if (typeof segment["id"] !== "string") throw new Error("a changed segment has no id");
    changed.set(segment["id"], segment);
  }
  if (!patch.order) {
    if (patch.removed.length > 0) {
      const gone = new Set(patch.removed);
      from = from.filter((s) => !gone.has(s.id));
    }
    let replaced = 0;
    const out = from.map((s) => {
      const next = changed.get(s.id);
      if (!next) return s;
      replaced++;
      return next;
    });
    if (replaced !== changed.size) throw new Error("a changed segment is not in the draft and no order was given");
    return out;
  }
  const before = /* @__PURE__ */ new Map();
  for (const segment of from) before.set(segment.id, segment);
  return patch.order.map((id) => {
    const segment = changed.get(id) ?? before.get(id);
    if (!segment) throw new Error(`segment ${id.slice(0, 40)} is neither in the draft nor in the patch`);
    return segment;
  });
}

// electron/services/drafts/draft-journal.ts
import { createHash } from "node:crypto";
import { open as open2, readFile } from "node:fs/promises";
import { dirname as dirname3 } from "node:path";
function journalPathOf(draftPath) {
  return `${draftPath}.journal`;
}
function encodeJournalRecord(generation, seq, savedAt, patch) {
  const body = `${seq} ${generation} ${savedAt} ${JSON.stringify(patch, stripUrlQueriesReplacer)}`;
  return `${checksum(body)} ${body}
`;
}
async function appendJournalRecord(path, record, isNewFile) {
  const handle = await open2(path, "a", privateFileMode);
  try {
    await handle.writeFile(record);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (isNewFile) await syncDirectory(dirname3(path));
}
function readJournalRecords(text, generation) {
  const records = [];
  let start = 0;
  for (; ; ) {
    const end = text.indexOf("\n", start);
    if (end < 0) break;
    const line = text.slice(start, end);
    start = end + 1;
    const record = parseRecord(line);
    if (!record || record.generation !== generation || record.seq !== records.length + 1) break;
    records.push({ patch: record.patch, savedAt: record.savedAt });
  }
  return records;
}
async function replayJournal(draftPath, generation, document) {
  if (typeof generation !== "string") return { document, savedAt: null, records: 0 };
  let text;
  try {
    text = await readFile(journalPathOf(draftPath), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return { document, savedAt: null, records: 0 };
    throw error;
  }
  let out = document;
  let savedAt = null;
  let applied = 0;
  for (const record of readJournalRecords(text, generation)) {
    try {
      out = applyModelPatch(out, record.patch);
    } catch {
      break;
    }
    savedAt = record.savedAt;
    applied++;
  }
  return { document: out, savedAt, records: applied };
}
function checksum(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
function parseRecord(line) {
  const sum = line.slice(0, 32);
  const body = line.slice(33);
  if (line[32] !== " " || checksum(body) !== sum) return null;
  const match = /^(\d+) ([0-9a-f]+) (\d+) /.exec(body);
  if (!match) return null;
  let patch;
  try {
    patch = JSON.parse(body.slice(match[0].length));
  } catch {
    return null;
  }
  if (!isPatch(patch)) return null;
  return { seq: Number(match[1]), generation: match[2], savedAt: Number(match[3]), patch };
}
function isPatch(value) {
  if (!value || typeof value !== "object") return false;
  const p = value;
  return typeof p.set === "object" && p.set !== null && Array.isArray(p.unset);
}

// electron/services/drafts/draft-sources.ts
var packedSourcesVersion = 2;
function exportSegments(exp) {
  if (!exp || typeof exp !== "object") return null;
  const transcript = exp["transcript"];
  if (Array.isArray(transcript)) return transcript;
  const list = transcript && typeof transcript === "object" ? transcript["transcripts"] : null;
  return Array.isArray(list) ? list : null;
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
var WordIndex = class {
  constructor(segments) {
    this.segments = segments;
  }
  segments;
  lists = /* @__PURE__ */ new Map();
  /**
   * `[i, j]` / `[i, j, 1]` for a word of export segment i, or null. The same object, else (a
   * segment sent again in a journal patch is a copy) an equal flat word at the same place.
   */
  refOf(word, i, position) {
    if (i < 0 || i >= this.segments.length) return null;
    const found = this.inSegment(i).get(word);
    if (found) return found;
    const seg = this.segments[i];
    if (!isRecord(seg)) return null;
    if (Array.isArray(seg["displayWords"]) && sameFlatWord(seg["displayWords"][position], word)) return [i, position];
    if (Array.isArray(seg["originalWords"]) && sameFlatWord(seg["originalWords"][position], word)) return [i, position, 1];
    return null;
  }
  inSegment(i) {
    let map = this.lists.get(i);
    if (map) return map;
    map = /* @__PURE__ */ new Map();
    const seg = this.segments[i];
    if (isRecord(seg)) {
      const shown = seg["displayWords"];
      const original = seg["originalWords"];
      if (Array.isArray(original)) original.forEach((w, j) => map.set(w, [i, j, 1]));
      if (Array.isArray(shown)) shown.forEach((w, j) => map.set(w, [i, j]));
    }
    this.lists.set(i, map);
    return map;
  }
};
function packDraftSources(document) {
  if (!isRecord(document) || !Array.isArray(document["segments"])) return document;
  const list = exportSegments(document["source"]);
  if (!list) return document;
  const segmentIndex = /* @__PURE__ */ new Map();
  list.forEach((seg, i) => segmentIndex.set(seg, i));
  const words = new WordIndex(list);
  const segments = document["segments"].map((segment) => {
    if (!isRecord(segment)) return segment;
    const i = segmentIndex.get(segment["source"]);
    const out = i === void 0 ? { ...segment } : renamed(segment, "source", "sourceRef", i);
    if (Array.isArray(segment["words"])) {
      out["words"] = segment["words"].map((word, k) => {
        if (!isRecord(word) || word["source"] === void 0) return word;
        const home = i ?? -1;
        const ref = words.refOf(word["source"], home, k) ?? words.refOf(word["source"], home - 1, -1) ?? words.refOf(word["source"], home + 1, -1);
        return ref ? renamed(word, "source", "sourceRef", ref) : word;
      });
    }
    return out;
  });
  return { ...document, segments };
}
function renamed(record, from, to, value) {
  const out = {};
  for (const key of Object.keys(record)) {
    if (key === from) out[to] = value;
    else if (key !== to) out[key] = record[key];
  }
  return out;
}
function sameFlatWord(a, b) {
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const value = a[keys[k]];
    if (keys[k] !== other[k] || value !== null && typeof value === "object" || !Object.is(value, b[keys[k]])) return false;
  }
  return true;
}
function unpackDraftSources(document) {
  if (!isRecord(document) || !Array.isArray(document["segments"])) return document;
  const list = exportSegments(document["source"]);
  let packed = false;
  const segments = document["segments"].map((segment) => {
    if (!isRecord(segment)) return segment;
    const segmentRef = segment["sourceRef"];
    const wordsIn = segment["words"];
    const hasWordRefs = Array.isArray(wordsIn) && wordsIn.some((w) => isRecord(w) && "sourceRef" in w);
    if (segmentRef === void 0 && !hasWordRefs) return segment;
    packed = true;
    const out = segmentRef === void 0 ? { ...segment } : renamed(segment, "sourceRef", "source", at(list, segmentRef));
    if (hasWordRefs) {
      out["words"] = wordsIn.map((word) => isRecord(word) && "sourceRef" in word ? renamed(word, "sourceRef", "source", wordAt(list, word["sourceRef"])) : word);
    }
    return out;
  });
  return packed ? { ...document, segments } : document;
}
function at(list, ref) {
  if (!list || typeof ref !== "number" || !Number.isInteger(ref) || ref < 0 || ref >= list.length) throw new Error(`a segment names export segment ${String(ref)}, which the draft's export does not have`);
  return list[ref];
}
function wordAt(list, ref) {
  const valid = Array.isArray(ref) && (ref.length === 2 || ref.length === 3 && ref[2] === 1) && ref.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0);
  if (!valid) throw new Error(`a word names ${JSON.stringify(ref)}, which is not a word's place in the export`);
  const [i, j, original] = ref;
  const segment = at(list, i);
  const words = segment[original === 1 ? "originalWords" : "displayWords"];
  if (!Array.isArray(words) || j >= words.length) throw new Error(`a word names export segment ${i}'s word ${j}, which the draft's export does not have`);
  return words[j];
}

// electron/services/drafts/draft-store.ts
var draftFormatVersion = 1;
var readableVersions = /* @__PURE__ */ new Set([draftFormatVersion, packedSourcesVersion]);
var draftSuffix = ".draft.json";
function createDraftStore(ports) {
  const queues = /* @__PURE__ */ new Map();
  const pathOf = (taskId2) => join2(ports.dir, `${draftKey(taskId2)}${draftSuffix}`);
  const held = /* @__PURE__ */ new Map();
  const compactRecords = ports.compactAfter?.records ?? 200;
  const compactBytes = ports.compactAfter?.bytes ?? 8 * 1024 * 1024;
  async function enqueue(key, task) {
    const previous2 = queues.get(key) ?? Promise.resolve();
    const run = previous2.catch(() => void 0).then(task);
    queues.set(key, run);
    try {
      return await run;
    } finally {
      if (queues.get(key) === run) queues.delete(key);
    }
  }
  async function writeFull(key, exportHash, document, meta) {
    const generation = randomBytes2(8).toString("hex");
    let text;
    const packed = packDraftSources(document);
    const summary = { version: packed === document ? draftFormatVersion : packedSourcesVersion, taskId: key, exportHash, savedAt: Math.round(ports.now()), generation, meta };
    try {
      text = JSON.stringify({ ...summary, document: packed }, stripUrlQueriesReplacer);
    } catch (error) {
      throw new AppError("bad_request", "The draft could not be serialised.", { cause: error });
    }
    if (ports.maxBytes !== void 0 && serialisedBytes(text, ports.maxBytes) > ports.maxBytes) {
      const mb = (bytes) => (bytes / 1e6).toFixed(1);
      throw new AppError("bad_request", `The draft for task ${key} is ${mb(Buffer.byteLength(text))} MB, over the ${mb(ports.maxBytes)} MB a draft may be; the last saved draft is kept.`, { reason: "draft_too_large", params: { size: Buffer.byteLength(text), max: ports.maxBytes } });
    }
    try {
      await writeFileAtomic(pathOf(key), text, { private: true });
    } catch (error) {
      held.delete(key);
      throw new AppError("io", `The draft for task ${key} could not be written: ${await fsErrorCause(error, pathOf(key))}.`, { cause: error, reason: "write_failed", params: { path: pathOf(key) } });
    }
    held.set(key, { exportHash, generation, seq: 0, journalBytes: 0, document, meta });
    await unlink3(journalPathOf(pathOf(key))).catch(() => void 0);
    return { ...summary, revision: `${generation}:0` };
  }
  async function lookup(taskId2) {
    const key = draftKey(taskId2);
    return enqueue(key, () => lookupNow(key));
  }
  async function lookupNow(key) {
    const path = pathOf(key);
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return { draft: null, problem: null };
      throw new AppError("io", `The draft for task ${key} could not be read.`, { cause: error, reason: "draft_unreadable" });
    }
    const checked = validate(text, key);
    if (typeof checked !== "string") {
      const replayed = await replayJournal(path, checked.generation, checked.document).catch((error) => {
        throw new AppError("io", `The draft journal for task ${key} could not be read.`, { cause: error, reason: "draft_unreadable" });
      });
      if (replayed.records === 0) return { draft: checked, problem: null };
      const draft = { ...checked, savedAt: replayed.savedAt ?? checked.savedAt, document: replayed.document };
      return { draft, problem: null };
    }
    const target = `${path}.corrupt-${ports.now()}`;
    const moveError = await (ports.rename ?? rename2)(path, target).then(
      () => null,
      (error) => error
    );
    const movedTo = moveError ? null : target;
    const keptAt = movedTo ?? path;
    const message = movedTo ? `The draft for task ${key} was unreadable (${checked}); it was kept as ${movedTo}.` : `The draft for task ${key} was unreadable (${checked}) and could not be moved aside (${moveError?.code ?? moveError?.message}); it is still at ${path}.`;
    const problem = { kind: "corrupt", taskId: key, movedTo, keptAt, message };
    ports.report?.(problem);
    return { draft: null, problem };
  }
  async function load(taskId2) {
    return (await lookup(taskId2)).draft;
  }
  return {
    pathOf,
    load,
    lookup,
    async save(taskId2, exportHash, document, meta) {
      const key = draftKey(taskId2);
      return enqueue(key, () => writeFull(key, exportHash, document, meta));
    },
    async patch(taskId2, exportHash, base, patch) {
      const key = draftKey(taskId2);
      return enqueue(key, async () => {
        const current = held.get(key);
        if (!current || `${current.generation}:${current.seq}` !== base || current.exportHash !== exportHash) {
          throw new AppError("conflict", `The draft for task ${key} on disk is not the one this change follows; send the whole draft.`, { reason: "draft_conflict" });
        }
        let document;
        try {
          document = applyModelPatch(current.document, patch);
        } catch (error) {
          throw new AppError("conflict", `The change does not fit the draft for task ${key} (${error.message}); send the whole draft.`, { reason: "draft_conflict" });
        }
        const savedAt = Math.round(ports.now());
        const record = encodeJournalRecord(current.generation, current.seq + 1, savedAt, patch);
        const recordBytes = Buffer.byteLength(record);
        if (ports.maxBytes !== void 0 && recordBytes > ports.maxBytes) throw new AppError("bad_request", `The change to the draft for task ${key} is over the ${(ports.maxBytes / 1e6).toFixed(1)} MB a draft may be; the last saved draft is kept.`, { reason: "draft_too_large", params: { size: recordBytes, max: ports.maxBytes } });
        if (current.seq + 1 > compactRecords || current.journalBytes + recordBytes > compactBytes) {
          const saved = await writeFull(key, exportHash, document, current.meta);
          return { savedAt: saved.savedAt, revision: saved.revision };
        }
        const journal = journalPathOf(pathOf(key));
        try {
          await appendJournalRecord(journal, record, current.seq === 0);
        } catch (error) {
          held.delete(key);
          throw new AppError("io", `The draft for task ${key} could not be written: ${await fsErrorCause(error, journal)}.`, { cause: error, reason: "write_failed", params: { path: pathOf(key) } });
        }
        const next = { ...current, seq: current.seq + 1, journalBytes: current.journalBytes + recordBytes, document };
        held.set(key, next);
        return { savedAt, revision: `${next.generation}:${next.seq}` };
      });
    },
    async compactAll() {
      for (const [key, entry] of [...held]) {
        await enqueue(key, async () => {
          const current = held.get(key);
          if (current === entry && entry.seq > 0) await writeFull(key, entry.exportHash, entry.document, entry.meta);
        }).catch(() => void 0);
        held.delete(key);
      }
    },
    async discard(taskId2) {
      held.delete(draftKey(taskId2));
      await unlink3(pathOf(taskId2)).catch((error) => {
        if (error.code !== "ENOENT") throw new AppError("io", `The draft could not be deleted.`, { cause: error });
      });
      await unlink3(journalPathOf(pathOf(taskId2))).catch(() => void 0);
    },
    async list() {
      const names = await readdir2(ports.dir).catch((error) => {
        if (error.code === "ENOENT") return [];
        throw error;
      });
      const out = [];
      for (const name of names) {
        const match = /^([A-Za-z0-9_-]+)\.draft\.json$/.exec(name);
        if (!match) continue;
        const draft = await load(match[1]);
        if (!draft) continue;
        const { document: _document, ...summary } = draft;
        out.push(summary);
      }
      return out.sort((a, b) => b.savedAt - a.savedAt);
    },
    async compare(taskId2, currentExportHash) {
      const draft = await load(taskId2);
      if (!draft) return "none";
      return draft.exportHash === currentExportHash ? "same-export" : "export-changed";
    },
    removeStaleTemps(olderThanMs = staleTempAgeMs) {
      return sweepStaleTemps(ports.dir, { olderThanMs, now: ports.now, targets: (target) => target.endsWith(draftSuffix) });
    }
  };
}
function draftKey(taskId2) {
  const key = String(taskId2);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) throw new AppError("bad_request", `Not a valid task id: ${JSON.stringify(key).slice(0, 80)}`);
  return key;
}
function validate(text, key) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof value !== "object" || value === null) return "not an object";
  const draft = value;
  if (!readableVersions.has(draft.version)) return `unknown version ${String(draft.version)}`;
  if (draft.taskId !== key) return "belongs to another task";
  if (typeof draft.exportHash !== "string") return "no export hash";
  if (typeof draft.savedAt !== "number") return "no save time";
  if (!("document" in draft)) return "no document";
  try {
    return { ...draft, document: unpackDraftSources(draft.document) };
  } catch (error) {
    return error.message;
  }
}
function serialisedBytes(text, limit) {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text);
}

// test/electron/services/drafts/draft-versions.ts
function draftVersion(model2, n) {
  const at2 = n % model2.segments.length;
  const speakers = model2.speakers.map((s) => s.id);
  return {
    ...model2,
    revision: n,
    segments: model2.segments.map((s, i) => i === at2 ? { ...s, reviewed: !s.reviewed, speakerId: speakers[n % speakers.length] ?? s.speakerId } : s)
  };
}

// test/electron/services/drafts/journal-writer.ts
var [dir = "", modelPath = "", first = "1"] = process.argv.slice(2);
var model = JSON.parse(readFileSync(modelPath, "utf8"));
var store = createDraftStore({ dir, now: Date.now, compactAfter: { records: 4 } });
var taskId = model.taskId;
process.stdout.write("ready\n");
var previous = draftVersion(model, Number(first));
process.stdout.write(`saving ${first}
`);
var refused = await store.patch(taskId, "two-hour", "none:0", diffModel(model, previous)).then(
  () => "accepted",
  (error) => error.code
);
if (refused !== "conflict") {
  process.stderr.write(`a patch on a revision main does not hold was ${refused}
`);
  process.exit(1);
}
var { revision } = await store.save(taskId, "two-hour", previous, {});
process.stdout.write(`saved ${first}
`);
for (let n = Number(first) + 1; ; n++) {
  const next = draftVersion(model, n);
  process.stdout.write(`saving ${n}
`);
  revision = (await store.patch(taskId, "two-hour", revision, diffModel(previous, next))).revision;
  process.stdout.write(`saved ${n}
`);
  previous = next;
}
