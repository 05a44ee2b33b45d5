/**
 * Where a JSON path (as the validator writes it: `provinces[2].models.completed`,
 * `national.metrics."hồ sơ".value`) sits in the source text, as a line and a
 * column an editor can jump to; and where a syntax error is.
 *
 * One pass over the text records the offset of every value. A path whose last
 * steps are missing (a required key that is absent) falls back to its nearest
 * ancestor that exists, which is where the key should be written. The same pass
 * notes every key written twice in one object, which JSON.parse (and so the
 * validator) silently resolves by keeping the last.
 */
import { childPath } from '../feed/validation.js';

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in characters (code points). */
  column: number;
}

interface JsonNode {
  at: number;
  keys?: Map<string, JsonNode>;
  items?: JsonNode[];
}

class JsonSyntax extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

// JSON forbids raw control characters in strings, so the class must name them.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A key written more than once in one object: the path of the value kept, and where each repeat starts. */
export interface DuplicateKey {
  /** The object's path ('' for the top level). */
  path: string;
  key: string;
  /** Character offsets of the second and later occurrences of the key. */
  at: number[];
}

class Scanner {
  i = 0;
  readonly duplicates = new Map<string, DuplicateKey>();
  constructor(readonly text: string) {}

  space(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else return;
    }
  }

  string(): string {
    STRING.lastIndex = this.i;
    if (!STRING.test(this.text)) throw new JsonSyntax(this.badStringAt());
    const raw = this.text.slice(this.i, STRING.lastIndex);
    this.i = STRING.lastIndex;
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** The offset of the first character that breaks the string starting at `i`. */
  private badStringAt(): number {
    const t = this.text;
    for (let k = this.i + 1; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c === 34) return k;
      if (c < 32) return k;
      if (c === 92) {
        const e = t[k + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(k + 2, k + 6))) return k;
          k += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) k++;
        else return k;
      }
    }
    return t.length;
  }

  value(depth: number, path = ''): JsonNode {
    const t = this.text;
    if (depth > 10000) throw new JsonSyntax(this.i);
    this.space();
    const at = this.i;
    const c = t[at];
    if (c === '{') {
      this.i++;
      const keys = new Map<string, JsonNode>();
      this.space();
      if (t[this.i] === '}') {
        this.i++;
        return { at, keys };
      }
      for (;;) {
        this.space();
        if (t[this.i] !== '"') throw new JsonSyntax(this.i);
        const keyAt = this.i;
        const key = this.string();
        this.space();
        if (t[this.i] !== ':') throw new JsonSyntax(this.i);
        this.i++;
        if (keys.has(key)) {
          const id = `${path}\u0000${key}`;
          const seen = this.duplicates.get(id) ?? { path, key, at: [] };
          seen.at.push(keyAt);
          this.duplicates.set(id, seen);
        }
        keys.set(key, this.value(depth + 1, childPath(path, key)));
        this.space();
        if (t[this.i] === ',') this.i++;
        else if (t[this.i] === '}') {
          this.i++;
          return { at, keys };
        } else throw new JsonSyntax(this.i);
      }
    }
    if (c === '[') {
      this.i++;
      const items: JsonNode[] = [];
      this.space();
      if (t[this.i] === ']') {
        this.i++;
        return { at, items };
      }
      for (;;) {
        items.push(this.value(depth + 1, childPath(path, items.length)));
        this.space();
        if (t[this.i] === ',') this.i++;
        else if (t[this.i] === ']') {
          this.i++;
          return { at, items };
        } else throw new JsonSyntax(this.i);
      }
    }
    if (c === '"') {
      this.string();
      return { at };
    }
    for (const word of ['true', 'false', 'null']) {
      if (t.startsWith(word, at)) {
        this.i += word.length;
        return { at };
      }
    }
    NUMBER.lastIndex = at;
    if (NUMBER.test(t)) {
      this.i = NUMBER.lastIndex;
      return { at };
    }
    throw new JsonSyntax(at);
  }
}

/** Splits a validator path into keys and indexes; undefined when it is not one. */
export function pathSteps(path: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  const step = /\[(\d+)\]|(^|\.)(?:([\w-]+)|("(?:[^"\\]|\\.)*"))/y;
  let i = 0;
  while (i < path.length) {
    step.lastIndex = i;
    const m = step.exec(path);
    if (!m || (m[2] === '' && i !== 0)) return undefined;
    if (m[1] !== undefined) steps.push(Number(m[1]));
    else steps.push(m[3] ?? (JSON.parse(m[4]) as string));
    i = step.lastIndex;
  }
  return steps;
}

export interface JsonMap {
  /** Where the value at `path` starts (or its nearest existing ancestor); undefined for the whole text. */
  find(path: string): TextPosition | undefined;
  /** Where the text stops being JSON, if it does. */
  syntaxError?: TextPosition;
  /** Keys written twice in one object, each repeat with its line and column. */
  duplicates: { path: string; key: string; positions: TextPosition[] }[];
}

/** Line and column of character offsets in `text`; lines end at LF, CRLF or CR, as JSON allows. */
export function lineIndex(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) starts.push(k + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let column = 1;
    for (let k = starts[lo]; k < offset && k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 0xdc00 || c > 0xdfff) column++; // the second half of a surrogate pair is the same character
    }
    return { line: lo + 1, column };
  };
}

/** Maps the JSON text (already without its BOM) once, for any number of look-ups. */
export function mapJson(text: string): JsonMap {
  const scanner = new Scanner(text);
  let root: JsonNode | undefined;
  let syntaxAt: number | undefined;
  try {
    root = scanner.value(0);
    scanner.space();
    if (scanner.i < text.length) syntaxAt = scanner.i;
  } catch (e) {
    if (e instanceof JsonSyntax) syntaxAt = e.offset;
    else if (e instanceof RangeError) root = undefined;
    else throw e;
  }
  const positionAt = lineIndex(text);
  return {
    syntaxError: syntaxAt === undefined ? undefined : positionAt(syntaxAt),
    duplicates: [...scanner.duplicates.values()].map((d) => ({ path: d.path, key: d.key, positions: d.at.map(positionAt) })),
    find(path: string): TextPosition | undefined {
      if (!root || syntaxAt !== undefined || !path) return undefined;
      let node = root;
      for (const step of pathSteps(path) ?? []) {
        const next = typeof step === 'number' ? node.items?.[step] : node.keys?.get(step);
        if (!next) break;
        node = next;
      }
      return positionAt(node.at);
    },
  };
}
