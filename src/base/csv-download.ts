/**
 * "Tải CSV": a table as the reader sees it, as a CSV file. Loaded only when the
 * button is pressed, so pages that never download do not pay for it.
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

/** The table's rows as CSV text (BOM included); a cell marked `.none` (no figure) is left empty. */
export function tableCsv(table: HTMLTableElement, sep: string): string {
  const lines = [...table.rows].map((tr) =>
    [...tr.cells].map((cell) => field(cell.classList.contains('none') ? '' : shown(cell), sep)).join(sep),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves the table as a CSV file named after its caption. */
export function downloadTableCsv(table: HTMLTableElement, sep: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([tableCsv(table, sep)], { type: 'text/csv;charset=utf-8' }));
  a.download = `${table.caption?.textContent?.trim() || 'tiendo'}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
