/**
 * A look at JSON bytes before anything parses them: how deep the nesting goes, how many objects
 * and arrays there are, and whether the text ends where it should. One pass, one byte at a time,
 * fed chunk by chunk as they arrive, with a few numbers of state: a hostile input is refused at
 * the byte that crosses a bound, before JSON.parse (whose recursion a 100,000-deep nesting would
 * overflow) ever sees it. It does not validate JSON: JSON.parse does that afterwards.
 */
import { MemFormatError } from '../errors.js';

export interface JsonScanLimits {
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
  /** Most objects and arrays accepted in one document. */
  maxContainers: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

export class JsonShapeScanner {
  /** Bytes seen so far. */
  bytes = 0;
  /** Objects and arrays opened so far. */
  containers = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly limits: JsonScanLimits) {}

  /** Scans the next chunk; throws MTAG_TOO_COMPLEX at the first byte over a limit. */
  feed(chunk: Uint8Array): void {
    let { depth, inString, escaped, containers } = this;
    const { maxDepth, maxContainers } = this.limits;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) {
        inString = true;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        depth++;
        containers++;
        if (depth > maxDepth) throw tooComplex(`JSON nested more than ${maxDepth} levels deep (at byte ${this.bytes + i + 1})`);
        if (containers > maxContainers) throw tooComplex(`JSON with more than ${maxContainers} objects and arrays (at byte ${this.bytes + i + 1})`);
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth--;
      }
    }
    this.bytes += chunk.length;
    Object.assign(this, { depth, inString, escaped, containers });
  }

  /** After the last chunk: MTAG_BAD_JSON when the text ends inside a string, object or array. */
  finish(): void {
    if (this.inString || this.depth > 0) {
      const inside = this.inString ? 'a string' : `${this.depth} unclosed object${this.depth === 1 ? '' : 's'} or array${this.depth === 1 ? '' : 's'}`;
      throw new MemFormatError(
        'MTAG_BAD_JSON',
        `JSON truncated at byte ${this.bytes}: the input ends inside ${inside}`,
        'upload the whole snapshot: malloc-tag may still have been writing it',
      );
    }
  }
}

function tooComplex(message: string): MemFormatError {
  return new MemFormatError('MTAG_TOO_COMPLEX', message, 'a malloc-tag snapshot is a few levels of scopes per thread; this is not one');
}
