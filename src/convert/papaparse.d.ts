/**
 * The part of Papa Parse (papaparse, MIT) that csv.ts uses, declared here
 * rather than through @types/papaparse, whose declarations pull Node's types
 * into every program that includes them (the widgets' typecheck included).
 */
declare module 'papaparse' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: string;
    message: string;
    /** 0-based index of the record. */
    row?: number;
  }
  export interface ParseConfig {
    delimiter?: string;
    newline?: '\r' | '\n' | '\r\n';
    quoteChar?: string;
    skipEmptyLines?: boolean | 'greedy';
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }
  export function parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
}
