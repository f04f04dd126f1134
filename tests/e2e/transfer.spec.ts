import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addPlanItem, createWorkshop, expectAccessible, signUp } from './helpers';

test('a forum downloaded from its workshop page comes home through the import page, once', async ({ page }) => {
	const { orgUrl } = await signUp(page, 'Forum Laptop');
	const workshopUrl = await createWorkshop(page, 'Rembuk di balai');
	await addPlanItem(page, workshopUrl, 'Lampu lorong');

	// On the laptop: the workshop page gives the file.
	await page.goto(workshopUrl);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Unduh berkas forum' }).click()
	]);
	const file = await download.path();
	expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('ruang-rembuk.forum/1');

	// At home: the organisation's import page takes it.
	await page.goto(orgUrl);
	await page.getByRole('link', { name: 'Impor forum dari laptop' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impor forum dari laptop');
	await expectAccessible(page);

	// What is not a forum file is explained, and nothing is made.
	await page.getByLabel(/Berkas forum/).setInputFiles({
		name: 'catatan.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"judul": "bukan forum"}')
	});
	await page.getByRole('button', { name: 'Impor forum' }).click();
	await expect(page.getByRole('alert')).toContainText('bukan berkas forum Ruang Rembuk');

	await page.getByLabel(/Berkas forum/).setInputFiles(file);
	await page.getByRole('button', { name: 'Impor forum' }).click();
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('Forum diimpor sebagai lokakarya baru');
	await expect(report).toContainText('Butir rencana: 1');
	await expectAccessible(page);
	await report.getByRole('link', { name: 'Buka lokakaryanya' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rembuk di balai');
	expect(page.url()).not.toBe(workshopUrl);

	// The same file again adds nothing.
	await page.goto(`${orgUrl}/workshops/import`);
	await page.getByLabel(/Berkas forum/).setInputFiles(file);
	await page.getByRole('button', { name: 'Impor forum' }).click();
	await expect(page.getByTestId('import-report')).toContainText('sudah pernah diimpor');
	await page.goto(orgUrl);
	await expect(page.getByRole('link', { name: 'Rembuk di balai' })).toHaveCount(2);
});
