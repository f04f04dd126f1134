import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { createWorkshop, expectAccessible, signUp } from './helpers';
import { firstPagePng } from './pdf-render';

test('a facilitator fills in the minutes details and downloads documents fit to print', async ({
	page,
	browser
}, testInfo) => {
	await signUp(page, 'Shelter Dokumen');
	const workshopUrl = await createWorkshop(page, 'Musrenbang Dokumen 🌳');

	// Language and time zone are on the workshop form, WITA and Indonesian by default.
	await page.goto(`${workshopUrl}/edit`);
	await expect(page.getByLabel('Zona waktu')).toHaveValue('Asia/Makassar');
	await expect(page.getByLabel('Bahasa dokumen')).toHaveValue('id');

	await page.goto(`${workshopUrl}/plan`);
	await page.getByRole('link', { name: 'Rincian berita acara' }).click();
	await page.getByLabel('Mulai (jam)').fill('09:00');
	await page.getByLabel('Selesai (jam)').fill('12:00');
	await page.getByLabel('Nama pimpinan forum').fill('Andi Fasilitator');
	await page.getByLabel(/^Perwakilan peserta yang menandatangani/).fill('Sari | Perempuan\nPak Daeng | Lansia');
	await page.getByLabel(/^Nama yang mengetahui/).fill('Hj. Nurhayati');
	await page.getByLabel(/^Jabatannya/).fill('Lurah Tamamaung');
	await page.getByLabel(/^Delegasi ke Musrenbang/).fill('Sari | Perempuan');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	await expect(page.getByLabel(/^Perwakilan peserta yang menandatangani/)).toHaveValue(
		'Sari | Perempuan\nPak Daeng | Lansia'
	);
	await expectAccessible(page);

	// Each document downloads as a PDF; its first page is kept as a picture.
	for (const file of ['berita-acara.pdf', 'daftar-hadir.pdf']) {
		const response = await page.request.get(`${workshopUrl}/exports/${file}`);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const pdf = await response.body();
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const { png, ink } = await firstPagePng(browser, pdf);
		expect(ink).toBeGreaterThan(0.005); // text was drawn, not a blank page
		const path = testInfo.outputPath(file.replace('.pdf', '.png'));
		writeFileSync(path, png);
		await testInfo.attach(file.replace('.pdf', '.png'), { path, contentType: 'image/png' });
	}
});
