/** Reading documents back as their readers would: PDF text with pdfjs, CSV with csv-parse. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export async function pdfPages(buffer: Buffer): Promise<string[]> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const pdf = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= pdf.numPages; i++) {
		const content = await (await pdf.getPage(i)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
	}
	return pages;
}

/**
 * All text of a PDF as one line: wrapped lines joined by a space, Arabic presentation
 * forms folded back (NFKC), and dropped: the bidi marks pdfjs adds around right-to-left
 * text and the empty mappings of zero-width glyphs Arabic shaping inserts (pdfjs reads
 * those as control characters; they draw nothing).
 */
export async function pdfText(buffer: Buffer): Promise<string> {
	return (
		(await pdfPages(buffer))
			.join('\n')
			.normalize('NFKC')
			// eslint-disable-next-line no-control-regex -- control and bidi characters are what is removed
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/g, '')
			.replace(/\s+/g, ' ')
	);
}

/** Rows of a CSV file as a spreadsheet would split them (bare CR counts as a row end too). */
export function csvRows(text: string): string[][] {
	return parse(text, { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] });
}

/** With DOCUMENTS_DIR set, keeps a copy of a generated file there (to look at, or render to PNG). */
export function keep<T extends Buffer | string>(name: string, body: T): T {
	const dir = process.env.DOCUMENTS_DIR;
	if (dir) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, name), body);
	}
	return body;
}
