/**
 * A4 documents to print and sign: one place for fonts, text with font fallback, tables
 * of rows, the footer (join code, QR to the public follow-up page, page numbers) and
 * the signature block, so the berita acara and the attendance sheet look alike.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { loadFaces, splitRuns } from './fonts.server';

export type Pdf = InstanceType<typeof PDFDocument>;
type TextOptions = {
	bold?: boolean;
	size?: number;
	align?: 'left' | 'center' | 'right' | 'justify';
	width?: number;
	x?: number;
	y?: number;
	color?: string;
};

export const MARGIN = 50;
const FOOTER_HEIGHT = 70;

/** A new A4 document with every face registered; pages are buffered for the footer. */
export function newPdf(title: string): { doc: Pdf; done: Promise<Buffer> } {
	const doc = new PDFDocument({
		size: 'A4',
		bufferPages: true,
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
		info: { Title: title }
	});
	const { regular, bold } = loadFaces();
	for (const f of new Set([...regular, ...bold])) doc.registerFont(f.key, f.data);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
	return { doc, done };
}

/**
 * Writes text that may mix scripts and emoji: each run in the face that can draw it.
 * Lines are written one by one (a line break inside a run of another face was lost),
 * and a centred or right-aligned line of several runs that fits is placed by hand,
 * because pdfkit aligns each continued fragment on its own.
 */
export function write(doc: Pdf, text: string, options: TextOptions & { continued?: boolean } = {}) {
	const { bold, size = 10.5, color = '#000', x, y, continued, ...rest } = options;
	const chain = bold ? loadFaces().bold : loadFaces().regular;
	doc.fontSize(size).fillColor(color);
	if (x !== undefined) {
		doc.x = x;
		doc.y = y ?? doc.y;
	}
	const lines = (text || ' ').split(/\r\n|\r|\n/);
	lines.forEach((line, n) => {
		const runs = splitRuns(line || ' ', chain);
		const more = n === lines.length - 1 && Boolean(continued);
		const left = doc.x;
		const width = rest.width ?? doc.page.width - doc.page.margins.right - left;
		const widths = runs.map((run) => doc.font(run.face.key).widthOfString(run.text));
		const total = widths.reduce((a, b) => a + b, 0);
		if (runs.length > 1 && (rest.align === 'center' || rest.align === 'right') && total <= width && !more) {
			let at = left + (rest.align === 'center' ? (width - total) / 2 : width - total);
			const top = doc.y;
			runs.forEach((run, i) => {
				doc.font(run.face.key).text(run.text, at, top, { lineBreak: false });
				at += widths[i];
			});
			doc.x = left;
			doc.y = top + doc.currentLineHeight(true);
			return;
		}
		runs.forEach((run, i) => {
			doc.font(run.face.key).text(run.text, { ...rest, width, continued: i < runs.length - 1 || more });
		});
		doc.x = left;
	});
}

/** A section heading, never alone at the foot of a page (room for a table's first rows). */
export function heading(doc: Pdf, text: string) {
	ensureSpace(doc, 110);
	doc.moveDown(0.6);
	write(doc, text, { bold: true, size: 12 });
	doc.moveDown(0.2);
}

/** Starts a new page when fewer than `height` points are left above the footer. */
export function ensureSpace(doc: Pdf, height: number) {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A simple ruled table; each row is kept on one page. Widths are fractions of the line. */
export function table(
	doc: Pdf,
	columns: { title: string; width: number; align?: 'left' | 'right' | 'center' }[],
	rows: string[][],
	options: { rowHeight?: number } = {}
) {
	const left = MARGIN;
	const full = doc.page.width - 2 * MARGIN;
	const widths = columns.map((c) => c.width * full);
	const drawRow = (cells: string[], bold: boolean) => {
		const heights = cells.map((cell, i) => {
			doc.font(loadFaces()[bold ? 'bold' : 'regular'][0].key).fontSize(9.5);
			return doc.heightOfString(cell || ' ', { width: widths[i] - 8 });
		});
		const height = Math.max(options.rowHeight ?? 0, ...heights) + 8;
		ensureSpace(doc, height);
		const top = doc.y;
		let x = left;
		cells.forEach((cell, i) => {
			write(doc, cell, { x: x + 4, y: top + 4, width: widths[i] - 8, size: 9.5, bold, align: columns[i].align });
			x += widths[i];
		});
		doc.lineWidth(0.5).strokeColor('#555').rect(left, top, full, height).stroke();
		x = left;
		for (const w of widths.slice(0, -1))
			doc
				.moveTo((x += w), top)
				.lineTo(x, top + height)
				.stroke();
		doc.x = left;
		doc.y = top + height;
	};
	ensureSpace(doc, 80); // never a header alone at the foot of a page
	drawRow(
		columns.map((c) => c.title),
		true
	);
	for (const row of rows) drawRow(row, false);
	doc.x = left;
	doc.moveDown(0.5);
}

export type Signatory = { caption: string; name: string; role: string };

/** Signature boxes two per row: caption, room to sign, the name in brackets and the role. */
export function signatures(doc: Pdf, people: Signatory[], centred = false) {
	const full = doc.page.width - 2 * MARGIN;
	const column = full / 2;
	for (let i = 0; i < people.length; i += 2) {
		const pair = people.slice(i, i + 2);
		ensureSpace(doc, 110);
		const top = doc.y;
		pair.forEach((p, j) => {
			const x = MARGIN + (centred && pair.length === 1 ? column / 2 : j * column);
			write(doc, p.caption, { x, y: top, width: column, align: 'center' });
			write(doc, `( ${p.name || '.'.repeat(36)} )`, { x, y: top + 62, width: column, align: 'center', bold: true });
			if (p.role) write(doc, p.role, { x, y: doc.y, width: column, align: 'center', size: 9.5 });
		});
		doc.x = MARGIN;
		doc.y = top + 100;
	}
}

/** Footer on every page: join code, a QR to the public follow-up page, "page i of n". */
export function footers(
	doc: Pdf,
	options: { code: string; url: string; page: (i: number, n: number) => string; codeLabel: string }
) {
	const range = doc.bufferedPageRange();
	const qr = QRCode.create(options.url, { errorCorrectionLevel: 'M' }).modules;
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0; // writing below the margin must not add a page
		const top = doc.page.height - MARGIN - 52;
		const cell = 52 / qr.size;
		for (let r = 0; r < qr.size; r++)
			for (let c = 0; c < qr.size; c++)
				if (qr.get(r, c)) doc.rect(doc.page.width - MARGIN - 52 + c * cell, top + r * cell, cell, cell);
		doc.fillColor('#000').fill();
		doc
			.lineWidth(0.5)
			.strokeColor('#999')
			.moveTo(MARGIN, top - 8)
			.lineTo(doc.page.width - MARGIN, top - 8)
			.stroke();
		write(doc, `${options.codeLabel}: ${options.code}`, { x: MARGIN, y: top, size: 9, bold: true });
		write(doc, options.url, { x: MARGIN, y: top + 14, size: 8.5, color: '#333' });
		write(doc, options.page(i - range.start + 1, range.count), { x: MARGIN, y: top + 34, size: 9 });
		doc.page.margins.bottom = bottom;
	}
}
