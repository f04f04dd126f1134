/** The small part of fontkit (pdfkit's font engine) the documents use to pick a font per character. */
declare module 'fontkit' {
	export interface Font {
		hasGlyphForCodePoint(codePoint: number): boolean;
	}
	export function create(buffer: Buffer): Font;
}
