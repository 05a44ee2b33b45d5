/**
 * "Tải về tệp CSV": a table's rows as a CSV file. Loaded only when the button is
 * pressed, so pages that never download do not pay for it.
 *
 * The text is UTF-8 with a BOM (so Excel keeps the diacritics), CRLF line ends,
 * `;` between fields for Vietnamese readers (Vietnamese Excel's list separator,
 * since `,` is their decimal mark) and `,` for English. A field holding the
 * separator, a quote or a line break is quoted; one that starts like a formula
 * (`=`, `+`, `-`, `@`) is prefixed with `'` so a spreadsheet never runs it.
 */

/** What a cell shows: its text, without what is hidden from screen readers (sort arrows, dashes). */
function shown(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE || (node as Element).getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(shown).join('');
}

function field(text: string, sep: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if (/^[=+\-@]/.test(t)) t = `'${t}`;
  return t.includes(sep) || /["\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Rows of cell texts as CSV text (BOM included); an empty cell is an empty field. */
export function rowsCsv(rows: readonly (readonly string[])[], sep: string): string {
  const lines = rows.map((cells) => cells.map((cell) => field(cell, sep)).join(sep));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A drawn table's rows as CSV text (BOM included); a cell marked `.none` (no figure) is left empty. */
export function tableCsv(table: HTMLTableElement, sep: string): string {
  return rowsCsv(
    [...table.rows].map((tr) => [...tr.cells].map((cell) => (cell.classList.contains('none') ? '' : shown(cell)))),
    sep,
  );
}

/** Saves rows of cell texts as a CSV file named `name`.csv (the table's caption). */
export function downloadCsv(name: string, rows: readonly (readonly string[])[], sep: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([rowsCsv(rows, sep)], { type: 'text/csv;charset=utf-8' }));
  a.download = `${name.trim() || 'tiendo'}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Saves a drawn table as a CSV file named after its caption. */
export function downloadTableCsv(table: HTMLTableElement, sep: string): void {
  const rows = [...table.rows].map((tr) => [...tr.cells].map((cell) => (cell.classList.contains('none') ? '' : shown(cell))));
  downloadCsv(table.caption?.textContent ?? '', rows, sep);
}
