/**
 * Renders the first page of a PDF to PNG inside Chromium with pdfjs (no system tools),
 * on a blank page, so the browser tests can keep a picture of each document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from '@playwright/test';

const require = createRequire(import.meta.url);
const lib = () => readFileSync(require.resolve('pdfjs-dist/build/pdf.min.mjs'), 'utf8');
const worker = () => readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8');

/** The first page as PNG bytes, and the share of its pixels that are not white. */
export async function firstPagePng(browser: Browser, pdf: Buffer): Promise<{ png: Buffer; ink: number }> {
	const page = await browser.newPage();
	try {
		await page.setContent('<!doctype html><canvas id="c"></canvas>');
		await page.addScriptTag({ content: lib(), type: 'module' });
		await page.waitForFunction(() => 'pdfjsLib' in globalThis);
		const result = await page.evaluate(
			async ({ data, workerCode }) => {
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				const pdfjs = (globalThis as any).pdfjsLib;
				pdfjs.GlobalWorkerOptions.workerSrc = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
				const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
				const doc = await pdfjs.getDocument({ data: bytes }).promise;
				const first = await doc.getPage(1);
				const viewport = first.getViewport({ scale: 1 });
				const canvas = document.getElementById('c') as HTMLCanvasElement;
				canvas.width = viewport.width;
				canvas.height = viewport.height;
				const context = canvas.getContext('2d')!;
				context.fillStyle = '#fff';
				context.fillRect(0, 0, canvas.width, canvas.height);
				await first.render({ canvasContext: context, viewport, canvas }).promise;
				const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
				let dark = 0;
				for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++;
				return { url: canvas.toDataURL('image/png'), ink: dark / (pixels.length / 4) };
			},
			{ data: pdf.toString('base64'), workerCode: worker() }
		);
		return { png: Buffer.from(result.url.split(',')[1], 'base64'), ink: result.ink };
	} finally {
		await page.close();
	}
}
