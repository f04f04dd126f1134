import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createWorkshop, expectAccessible, signUp } from './helpers';

test('a 28-note board: every note in view after zoom-to-fit, clusters as areas, colours, PNG and PDF export', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signUp(page, 'Forum Kanvas');
	await createWorkshop(page, 'Rembuk Kanvas');
	await page.getByPlaceholder('Judul papan').fill('Dua puluh delapan');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await page.getByRole('link', { name: 'Dua puluh delapan' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

	// The colour is chosen when adding.
	await page.getByLabel('Warna catatan baru').selectOption('blue');
	for (let i = 1; i <= 28; i++) {
		await page.getByPlaceholder('Tulis catatan baru').fill(`Catatan ${i}`);
		await page.getByRole('button', { name: 'Tambah catatan' }).click();
	}
	const notes = page.getByTestId('note');
	const note = (n: number) =>
		notes.filter({ has: page.locator('span.text').getByText(`Catatan ${n}`, { exact: true }) });
	await expect(notes).toHaveCount(28);
	await expect(notes.first()).toHaveClass(/blue/);

	await page.getByTestId('zoom-fit').click();
	const canvas = (await page.getByTestId('canvas').boundingBox())!;
	for (const box of await notes.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
		expect(box.left).toBeGreaterThanOrEqual(canvas.x - 1);
		expect(box.top).toBeGreaterThanOrEqual(canvas.y - 1);
		expect(box.right).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
		expect(box.bottom).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
	}
	await expect(page.getByTestId('minimap')).toBeVisible();

	// Two notes make a cluster, drawn as an area; a third dragged into it joins it.
	await note(1).click();
	await note(2).click({ modifiers: ['Shift'] });
	await page.getByLabel('Judul kelompok').first().fill('Keamanan lingkungan');
	await page.getByRole('button', { name: 'Kelompokkan' }).click();
	const area = page.getByTestId('cluster-area');
	await expect(area).toHaveCount(1);
	await expect(page.locator('input[id^="cl-"]')).toHaveValue('Keamanan lingkungan');
	expect((await page.locator('input[id^="cl-"]').boundingBox())!.width).toBeGreaterThan(200);
	const target = (await area.boundingBox())!;
	const moving = note(20);
	const from = (await moving.boundingBox())!;
	await page.mouse.move(from.x + 10, from.y + 10);
	await page.mouse.down();
	await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
	await page.mouse.up();
	await expect(moving).toContainText('Keamanan lingkungan');

	const png = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Unduh gambar (PNG)' }).click();
	const pngFile = await png;
	expect(pngFile.suggestedFilename()).toBe('Dua-puluh-delapan.png');
	expect(
		readFileSync(await pngFile.path())
			.subarray(1, 4)
			.toString()
	).toBe('PNG');
	const pdf = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Unduh PDF' }).click();
	const pdfBytes = readFileSync(await (await pdf).path());
	expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pdfBytes.subarray(-6).toString()).toContain('%%EOF');
	await expectAccessible(page, ['[data-testid="canvas"]']);

	// The wall: the board projector fits all 28 notes on a 1280x720 screen, without scrolling.
	const boardUrl = page.url();
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(`${boardUrl}/projector`);
	const wallNotes = page.getByTestId('projector-note');
	await expect(wallNotes).toHaveCount(28);
	await expect
		.poll(
			async () =>
				await wallNotes.evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().bottom > innerHeight).length)
		)
		.toBe(0);
	await expectAccessible(page);
});
