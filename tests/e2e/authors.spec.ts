import { expect, test } from '@playwright/test';
import { createWorkshop, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test("authors' names reach the facilitator's screen while shown, never a phone", async ({ page, browser }) => {
	await signUp(page, 'Shelter Penulis');
	await createWorkshop(page, 'Lokakarya Penulis');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByPlaceholder('Judul papan').fill('Papan penulis');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await page.getByRole('link', { name: 'Papan penulis' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByLabel(/^Nama panggilan/).fill('Sari Warga');
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.getByRole('link', { name: 'Papan penulis' }).click();
	await expect(p.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await p.getByLabel('Ide atau pendapatmu').fill('Lampu lorong mati');
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Terkirim! Idemu ada di papan.')).toBeVisible();

	// The facilitator's page asks the server for the name of a note it has not seen.
	const sari = page.getByTestId('note').filter({ hasText: 'Lampu lorong mati' });
	await expect(sari).toContainText('Sari Warga');
	await page.getByPlaceholder('Tulis catatan baru').fill('Catatan fasilitator');
	await page.getByRole('button', { name: 'Tambah catatan' }).click();
	await expect(page.getByTestId('note').filter({ hasText: 'Catatan fasilitator' })).toContainText('Fasilitator Uji');

	// The phone shows the ideas, and no one's name.
	await expect(p.getByTestId('participant-notes')).toContainText('Catatan fasilitator');
	await expect(p.getByTestId('participant-notes')).not.toContainText('Sari Warga');
	await expect(p.getByTestId('participant-notes')).not.toContainText('Fasilitator Uji');

	// Hide authors: the names leave the facilitator's screen too, and come back when shown.
	await page.getByRole('button', { name: 'Sembunyikan nama penulis' }).click();
	await expect(sari).not.toContainText('Sari Warga');
	await page.getByRole('button', { name: 'Tampilkan nama penulis' }).click();
	await expect(sari).toContainText('Sari Warga');
	await phone.close();
});
