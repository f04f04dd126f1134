/**
 * A board as a picture, made in the browser: notes, frames and cluster areas drawn on a
 * canvas, saved as PNG, or as a one-page PDF holding that picture (a JPEG; PDF readers
 * decode it natively). No author names: exports leave the room.
 */
import { COLOURS, PICTOGRAM_EMOJI, type BoardView, type Colour } from './model';
import { boardBounds, clusterAreas, fittedFrames, NOTE_H, NOTE_W } from './layout';

const FILL: Record<Colour, string> = {
	yellow: '#fff3a8',
	green: '#c9f0c4',
	blue: '#cde3ff',
	pink: '#ffd3e4',
	orange: '#ffd8b0',
	purple: '#e4d6ff'
};
const MAX_SIDE = 8000;
const MARGIN = 40;

/** Lines of text that fit a width, breaking long words too (a pasted URL). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const char of paragraph.split(/(\s+)/).flatMap((w) => (ctx.measureText(w).width > width ? [...w] : [w]))) {
			if (ctx.measureText(line + char).width > width && line.trim()) {
				lines.push(line.trimEnd());
				line = char.trimStart();
			} else line += char;
		}
		lines.push(line);
	}
	return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`] : lines;
}

/** Draws the whole board on a new canvas (scaled down if it would be huge). */
export function drawBoard(view: BoardView, title: string): HTMLCanvasElement {
	const box = boardBounds(view) ?? { x: 0, y: 0, w: 400, h: 200 };
	const width = box.w + 2 * MARGIN;
	const height = box.h + 2 * MARGIN + 40;
	const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height);
	const canvas = document.createElement('canvas');
	canvas.width = Math.ceil(width * scale);
	canvas.height = Math.ceil(height * scale);
	const ctx = canvas.getContext('2d')!;
	ctx.scale(scale, scale);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, width, height);
	ctx.fillStyle = '#1b1f23';
	ctx.font = 'bold 22px system-ui, sans-serif';
	ctx.fillText(title, MARGIN, 32);
	ctx.translate(MARGIN - box.x, MARGIN + 40 - box.y);
	for (const frame of fittedFrames(view)) {
		ctx.setLineDash([8, 6]);
		ctx.strokeStyle = '#6b7780';
		ctx.lineWidth = 2;
		ctx.strokeRect(frame.x, frame.y, frame.w, frame.h);
		ctx.setLineDash([]);
		ctx.fillStyle = '#1b1f23';
		ctx.font = 'bold 16px system-ui, sans-serif';
		ctx.fillText(
			`${frame.pictogram ? PICTOGRAM_EMOJI[frame.pictogram] : ''} ${frame.title}`.trim(),
			frame.x + 10,
			frame.y + 24
		);
		ctx.font = '13px system-ui, sans-serif';
		ctx.fillStyle = '#4a5560';
		wrap(ctx, frame.prompt, frame.w - 20, 2).forEach((line, i) =>
			ctx.fillText(line, frame.x + 10, frame.y + 44 + i * 16)
		);
	}
	for (const area of clusterAreas(view)) {
		ctx.fillStyle = '#0f513214';
		ctx.fillRect(area.x, area.y, area.w, area.h);
		ctx.strokeStyle = '#0f5132';
		ctx.strokeRect(area.x, area.y, area.w, area.h);
		ctx.fillStyle = '#0f5132';
		ctx.font = 'bold 15px system-ui, sans-serif';
		ctx.fillText(area.title, area.x + 8, area.y + 20);
	}
	for (const note of view.notes) {
		ctx.fillStyle = FILL[COLOURS.includes(note.colour) ? note.colour : 'yellow'];
		ctx.fillRect(note.x, note.y, NOTE_W, NOTE_H);
		ctx.strokeStyle = '#00000033';
		ctx.strokeRect(note.x, note.y, NOTE_W, NOTE_H);
		ctx.fillStyle = '#1b1f23';
		ctx.font = '14px system-ui, sans-serif';
		const text = `${note.pictogram ? PICTOGRAM_EMOJI[note.pictogram] + ' ' : ''}${note.text}`;
		wrap(ctx, text, NOTE_W - 16, 6).forEach((line, i) => ctx.fillText(line, note.x + 8, note.y + 20 + i * 17));
		const dots = view.dots.get(note.id);
		if (dots) ctx.fillText(`● ${dots}`, note.x + 8, note.y + NOTE_H - 8);
	}
	return canvas;
}

function download(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportPng(view: BoardView, title: string, filename: string): Promise<void> {
	const canvas = drawBoard(view, title);
	const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
	if (blob) download(blob, filename);
}

/** A one-page PDF (A4, landscape or portrait as the board is) holding the board's picture. */
export async function exportPdf(view: BoardView, title: string, filename: string): Promise<void> {
	const canvas = drawBoard(view, title);
	const jpeg = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.92));
	if (!jpeg) return;
	const image = new Uint8Array(await jpeg.arrayBuffer());
	const landscape = canvas.width >= canvas.height;
	const [pw, ph] = landscape ? [842, 595] : [595, 842];
	const fit = Math.min((pw - 40) / canvas.width, (ph - 40) / canvas.height);
	const [w, h] = [canvas.width * fit, canvas.height * fit];
	const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} ${((pw - w) / 2).toFixed(2)} ${((ph - h) / 2).toFixed(2)} cm /Im0 Do Q`;
	const enc = new TextEncoder();
	const parts: Uint8Array[] = [];
	const offsets: number[] = [];
	let length = 0;
	const push = (p: string | Uint8Array) => {
		const bytes = typeof p === 'string' ? enc.encode(p) : p;
		parts.push(bytes);
		length += bytes.length;
	};
	const object = (n: number, body: string, stream?: Uint8Array) => {
		offsets[n] = length;
		push(`${n} 0 obj\n${body}\n`);
		if (stream) {
			push('stream\n');
			push(stream);
			push('\nendstream');
		}
		push('\nendobj\n');
	};
	push('%PDF-1.4\n');
	object(1, '<< /Type /Catalog /Pages 2 0 R >>');
	object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
	object(
		3,
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`
	);
	object(
		4,
		`<< /Type /XObject /Subtype /Image /Width ${canvas.width} /Height ${canvas.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.length} >>`,
		image
	);
	object(5, `<< /Length ${draw.length} >>`, enc.encode(draw));
	const xref = length;
	push(
		`xref\n0 6\n0000000000 65535 f \n${offsets
			.slice(1)
			.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
			.join('')}`
	);
	push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
	download(new Blob(parts as BlobPart[], { type: 'application/pdf' }), filename);
}
