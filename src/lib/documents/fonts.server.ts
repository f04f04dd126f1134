/**
 * Fonts for printed documents. pdfkit's built-in Helvetica only knows Latin-1, so an
 * emoji or Arabic in a title came out as mojibake. We embed Noto (SIL Open Font Licence,
 * shipped by the @fontsource packages as WOFF) and pick, character by character, the
 * first face that has a glyph: Latin, Latin extended, Arabic, then the monochrome emoji
 * subsets. What no face can draw becomes a visible placeholder, never a wrong glyph.
 * pdfkit embeds only the glyphs used, so a document stays small.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export type Face = { key: string; data: Buffer; font: fontkit.Font };
export type Run = { face: Face; text: string };

export const PLACEHOLDER = '[?]';
const require = createRequire(import.meta.url);

function face(pkg: string, file: string): Face {
	const data = readFileSync(require.resolve(`@fontsource/${pkg}/files/${file}.woff`));
	return { key: file, data, font: fontkit.create(data) };
}

let faces: { regular: Face[]; bold: Face[] } | null = null;

/** Loaded once per process: parsing 15 small WOFF files takes about 100 ms. */
export function loadFaces() {
	if (faces) return faces;
	const arabic = face('noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal');
	const emoji = ['emoji', ...Array.from({ length: 11 }, (_, i) => i)].map((part) =>
		face('noto-emoji', `noto-emoji-${part}-400-normal`)
	);
	faces = {
		regular: [
			face('noto-sans', 'noto-sans-latin-400-normal'),
			face('noto-sans', 'noto-sans-latin-ext-400-normal'),
			arabic,
			...emoji
		],
		bold: [
			face('noto-sans', 'noto-sans-latin-700-normal'),
			face('noto-sans', 'noto-sans-latin-ext-700-normal'),
			arabic,
			...emoji
		]
	};
	return faces;
}

/** Joiners and variation selectors draw nothing; they are dropped where a face lacks them. */
const INVISIBLE = new Set([0x200d, 0xfe0e, 0xfe0f]);

/** Splits text into runs, each drawn with one face that has every glyph in it. */
export function splitRuns(text: string, chain: readonly Face[]): Run[] {
	const runs: Run[] = [];
	for (const ch of text.normalize('NFC')) {
		const cp = ch.codePointAt(0)!;
		const last = runs.at(-1);
		if (INVISIBLE.has(cp)) {
			if (last?.face.font.hasGlyphForCodePoint(cp)) last.text += ch;
			continue;
		}
		// Line breaks and tabs are handled by pdfkit itself, in any face.
		const found = cp < 0x20 ? (last?.face ?? chain[0]) : chain.find((f) => f.font.hasGlyphForCodePoint(cp));
		const chosen = found ?? chain[0];
		const piece = found ? ch : PLACEHOLDER;
		if (last && last.face === chosen) last.text += piece;
		else runs.push({ face: chosen, text: piece });
	}
	return runs;
}
