/**
 * What the readers need of a stream: a Node `Readable` fits (this file stays free of `node:`
 * imports, so the browser-safe CSV parser can share it).
 */
export interface TextStream extends AsyncIterable<unknown> {
  setEncoding(encoding: "utf8"): unknown;
}

/** One CSV record: its fields and the 1-based physical line where it starts (header = line 1). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
  /**
   * True on the last record when the input ended inside a quoted field (a stray `"`): the field
   * was closed at the end of the input and holds everything after that quote.
   */
  readonly unclosedQuote?: boolean;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

// Where the state machine is inside the current record.
/** At the start of a field (after a comma or at the start of a record). */
const FIELD_START = 0;
/** Inside an unquoted field. */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just read a `"` inside a quoted field: an escaped quote if the next character is `"`, else the closing quote. */
const QUOTE_IN_QUOTED = 3;
/** After the closing quote: characters up to the next comma are kept (lenient, like most readers). */
const AFTER_QUOTED = 4;

/**
 * An incremental RFC 4180 reader: `push` text chunks, then `end`. Each character is looked at a
 * bounded number of times whatever the chunking, so a stray quote or a line of any length costs
 * linear time (the previous line-by-line reader re-parsed an open quoted record once per physical
 * line: one stray `"` in a 0.9 MB file took 49 s).
 *
 * Between records it works line by line: a line with no quote takes a `split(",")` fast path, since
 * most GTFS lines have none. Inside a record that has a quote, or a line longer than the chunk, it
 * runs a character state machine that carries its state across chunks.
 */
export class CsvParser {
  #state = FIELD_START;
  /** The previous chunk ended with a CR outside quotes: dropped if a LF follows (CRLF), else data. */
  #pendingCr = false;
  /** Fields of the record being read. */
  #fields: string[] = [];
  /** Text of the field being read, from earlier chunks (the current chunk's part is sliced at its end). */
  #field = "";
  /** Whether the record being read has started (any character seen since the last record ended). */
  #inRecord = false;
  #recordLine = 1;
  #line = 1;
  #first = true;

  /** Parses `chunk`, appending every record it completes to `out`. */
  push(chunk: string, out: CsvRecord[]): void {
    let text = chunk;
    if (this.#first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.#first = false;
    }
    const n = text.length;
    let i = 0;
    // Position of the next quote at or after i (n when none): found once per quote, not once per line.
    let nextQuote = -1;
    while (i < n) {
      if (!this.#inRecord) {
        // Line mode: a whole line without a quote is split directly.
        const nl = text.indexOf("\n", i);
        if (nl < 0) {
          this.#inRecord = true;
          this.#recordLine = this.#line;
          i = this.#scan(text, i, out);
          continue;
        }
        if (nextQuote < i) {
          nextQuote = text.indexOf('"', i);
          if (nextQuote < 0) nextQuote = n;
        }
        if (nextQuote > nl) {
          const end = nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          if (end > i) out.push({ fields: text.slice(i, end).split(","), line: this.#line });
          this.#line++;
          i = nl + 1;
          continue;
        }
        this.#inRecord = true;
        this.#recordLine = this.#line;
      }
      i = this.#scan(text, i, out);
    }
  }

  /** Ends the input; a last record without a final newline is appended to `out`. */
  end(out: CsvRecord[]): void {
    if (!this.#inRecord) return;
    // A final CR (a last line without LF) is dropped, as before a LF.
    this.#pendingCr = false;
    this.#finishRecord(out, this.#state === QUOTED);
  }

  /**
   * The state machine, from `i` until the current record ends (returns the index after its newline)
   * or the chunk ends (returns `text.length`, keeping the open field's text).
   */
  #scan(text: string, i: number, out: CsvRecord[]): number {
    const n = text.length;
    let start = i;
    let state = this.#state;
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (text.charCodeAt(i) !== LF) this.#field += "\r";
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      switch (state) {
        case FIELD_START:
          if (c === QUOTE) {
            state = QUOTED;
            start = i + 1;
            break;
          }
          state = UNQUOTED;
          start = i;
          i--; // look at this character again as the first one of an unquoted field
          break;
        case UNQUOTED:
        case AFTER_QUOTED:
          if (c === COMMA) {
            this.#fields.push(this.#field + text.slice(start, i));
            this.#field = "";
            state = FIELD_START;
          } else if (c === LF) {
            // A CR before the record's newline (CRLF files) is not data.
            this.#field += text.slice(start, i > start && text.charCodeAt(i - 1) === CR ? i - 1 : i);
            this.#state = FIELD_START;
            this.#finishRecord(out, false);
            this.#line++;
            return i + 1;
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.#field += text.slice(start, i);
            state = QUOTE_IN_QUOTED;
          } else if (c === LF) this.#line++;
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            // An escaped quote: keep one, stay in the quoted field.
            this.#field += '"';
            state = QUOTED;
            start = i + 1;
          } else {
            state = AFTER_QUOTED;
            start = i;
            i--; // look at this character again as the first one after the closing quote
          }
          break;
      }
    }
    if (state === QUOTED) this.#field += text.slice(start, n);
    else if (state === UNQUOTED || state === AFTER_QUOTED) {
      // A CR at the very end is held back until the next chunk shows whether a LF follows.
      const cr = n > start && text.charCodeAt(n - 1) === CR;
      this.#field += text.slice(start, cr ? n - 1 : n);
      this.#pendingCr = cr;
    }
    this.#state = state;
    return n;
  }

  #finishRecord(out: CsvRecord[], unclosed: boolean): void {
    const fields = this.#fields;
    fields.push(this.#field);
    this.#fields = [];
    this.#field = "";
    this.#state = FIELD_START;
    this.#inRecord = false;
    // A blank line is no record.
    if (fields.length === 1 && fields[0] === "") return;
    out.push(unclosed ? { fields, line: this.#recordLine, unclosedQuote: true } : { fields, line: this.#recordLine });
  }
}

/**
 * Streams CSV records from a byte or text stream (RFC 4180): comma separated, fields optionally in
 * double quotes with `""` as an escaped quote, quoted fields may span lines; a UTF-8 BOM is dropped;
 * CRLF, LF and a missing final newline are accepted; blank lines are skipped. Linear time in the
 * input, whatever its quotes or line lengths (see {@link CsvParser}).
 */
export async function* readCsv(stream: TextStream): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(stream)) yield* batch;
}

/**
 * Like `readCsv` but yields the records of each stream chunk as one array: one promise per chunk
 * instead of one per record, which is most of the cost of reading a large file record by record.
 */
export async function* readCsvBatches(stream: TextStream): AsyncGenerator<CsvRecord[]> {
  stream.setEncoding("utf8");
  const parser = new CsvParser();
  for await (const chunk of stream as AsyncIterable<string>) {
    const batch: CsvRecord[] = [];
    parser.push(chunk, batch);
    if (batch.length > 0) yield batch;
  }
  const last: CsvRecord[] = [];
  parser.end(last);
  if (last.length > 0) yield last;
}
