/**
 * The lexical layer of Pabulib files: `;`-separated rows with CSV quoting (a quoted
 * field may hold `;`, `""` for a quote, even a line break), a byte-order mark, CRLF or
 * CR line ends, and `#` comment lines. Every row keeps the line it starts on, so an
 * error can name it.
 */
export type Row = { line: number; cells: string[] };

export class PabulibError extends Error {
	readonly line: number | null;
	constructor(message: string, line: number | null = null) {
		super(line === null ? message : `line ${line}: ${message}`);
		this.line = line;
	}
}

/** Splits the whole text into rows. Cells are trimmed; blank rows and comment lines are dropped. */
export function splitRows(text: string): Row[] {
	const rows: Row[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let wasQuoted = false;
	let line = 1;
	let rowLine = 1;
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const endRow = () => {
		cells.push(wasQuoted ? cell : cell.trim());
		const blank = cells.every((c) => c === '');
		const comment = !wasQuoted && cells.length > 0 && cells[0].startsWith('#') && src[lineStart(rowLine)] === '#';
		if (!blank && !comment) rows.push({ line: rowLine, cells });
		cells = [];
		cell = '';
		wasQuoted = false;
	};
	// Offsets of line starts, only needed to tell a comment line ("#" in the first column).
	const starts = [0];
	for (let i = 0; i < src.length; i++)
		if (src[i] === '\n' || (src[i] === '\r' && src[i + 1] !== '\n')) starts.push(i + 1);
	const lineStart = (n: number) => starts[n - 1] ?? 0;

	for (let i = 0; i < src.length; i++) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
				cell += ch;
			}
		} else if (ch === '"' && cell.trim() === '') {
			quoted = true;
			wasQuoted = true;
			cell = '';
		} else if (ch === ';') {
			cells.push(wasQuoted ? cell : cell.trim());
			cell = '';
			wasQuoted = false;
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else cell += ch;
	}
	if (quoted) throw new PabulibError('a quoted field is never closed', rowLine);
	if (cell !== '' || cells.length > 0) endRow();
	return rows;
}

/** One cell for writing: quoted when it holds a separator, a quote, a line break or edge spaces. */
export function quoteCell(value: string): string {
	return /[;"\r\n]|^\s|\s$|^#/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
