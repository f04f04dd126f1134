import { expect, test, type Browser } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function phone(browser: Browser) {
	const context = await browser.newContext(PHONE);
	return { context, page: await context.newPage() };
}

test('a child on a phone: child mode, masked details, a private note, "I need help" on the facilitator\'s screen only, quick exit', async ({
	page,
	browser
}) => {
	const { orgUrl } = await signUp(page, 'Shelter Perlindungan');
	// The data register, and the owner's retention and referral settings.
	await page.getByRole('link', { name: 'Daftar data yang disimpan' }).click();
	await expect(page.getByTestId('data-register')).toContainText('90 hari setelah lokakarya ditutup');
	await expectAccessible(page);
	await page.getByLabel(/^Simpan data pribadi peserta selama/).fill('60');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByTestId('data-register')).toContainText('60 hari setelah lokakarya ditutup');
	await page.goto(orgUrl);
	await createWorkshop(page, 'Forum Anak Aman');
	// A child-group workshop still in draft: the reminder to record guardian consent.
	await expect(page.getByTestId('consent-reminder')).toBeVisible();
	await page.getByRole('link', { name: 'Catat persetujuan wali' }).click();
	await expectAccessible(page);
	await page.getByLabel(/^Jumlah formulir persetujuan wali/).fill('12');
	await page.getByRole('button', { name: 'Simpan' }).last().click();
	await expect(page.getByText('Tersimpan.').last()).toBeVisible();
	await page.getByRole('link', { name: /^← Forum Anak Aman/ }).click();
	await expect(page.getByTestId('consent-reminder')).toHaveCount(0);
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByPlaceholder('Judul papan').fill('Papan aman');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await page.getByRole('link', { name: 'Papan aman' }).click();
	await page.waitForURL(/\/boards\/[^/]+$/);
	const boardUrl = page.url();

	const child = await phone(browser);
	const p = child.page;
	await p.goto(`/j/${code}?step=profile`);
	await expect(p.getByTestId('quick-exit')).toBeVisible();
	await p.getByLabel('Anak 7-12 tahun').check();
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.getByRole('link', { name: 'Papan aman' }).click();
	await expect(p.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

	// Child mode: pictures first, simpler words, and a picture alone is a whole answer.
	const cardBox = p.getByTestId('input-card');
	await expect(cardBox.getByRole('heading', { name: /Ceritakan idemu/ })).toBeVisible();
	await expectAccessible(p);
	await cardBox.getByRole('radio', { name: 'Bermain' }).check();
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Terima kasih! Idemu sudah masuk.')).toBeVisible();
	await expect(p.getByTestId('participant-notes')).toContainText('Bermain');

	// A phone number is hidden before it reaches the wall, and the child is told why.
	await p.getByLabel(/^Tulis di sini/).fill('Telepon kakak 0812-3456-7890 kalau ada apa-apa');
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByTestId('hidden-notice')).toContainText('nomor telepon');
	await expect(p.getByTestId('participant-notes')).toContainText('Telepon kakak [nomor disembunyikan]');
	await expect(p.getByTestId('participant-notes')).not.toContainText('3456');

	// Only for the facilitator: never on the wall; the referral guidance is shown.
	await p.getByLabel(/^Tulis di sini/).fill('Aku sering dipukul di rumah');
	await p.getByTestId('only-facilitator').check();
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Terkirim hanya untuk fasilitator. Tidak tampil di dinding.')).toBeVisible();
	await expect(p.getByTestId('referral')).toContainText('SAPA 129');
	await expectAccessible(p);
	expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// "I need help": the facilitator's board screen shows it quietly, with the pseudonym.
	await p.getByTestId('need-help').click();
	await expect(p.getByText(/Fasilitator sudah diberi tahu/)).toBeVisible();
	await expect(page.getByTestId('help-alerts')).toContainText('ingin bicara', { timeout: 10_000 });
	await expectAccessible(page);
	await expect(page.getByTestId('note').filter({ hasText: 'dipukul' })).toHaveCount(0);

	// One action moves a note off the wall: it leaves the phone too.
	await page.getByRole('button', { name: 'Daftar', exact: true }).click();
	await page.getByRole('button', { name: /^Ubah\s*:\s*Bermain/ }).click();
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByTestId('move-off-wall').click();
	await expect(p.getByTestId('participant-notes')).not.toContainText('Bermain', { timeout: 10_000 });

	// The projector shows neither the alert nor the private note.
	const projector = await browser.newPage();
	await projector.context().addCookies(await page.context().cookies());
	await projector.goto(`${boardUrl}/projector`);
	await expect(projector.getByText('Telepon kakak [nomor disembunyikan]')).toBeVisible();
	await expect(projector.locator('body')).not.toContainText('ingin bicara');
	await expect(projector.locator('body')).not.toContainText('dipukul');
	await projector.close();

	// The safeguarding page: the private note, the original of the masked one, the referral.
	await page.goto(boardUrl.replace(/\/boards\/.*/, '/safeguarding'));
	await expect(page.getByTestId('private-notes')).toContainText('Aku sering dipukul di rumah');
	await expect(page.getByTestId('private-notes')).toContainText('Bermain');
	await expect(page.getByTestId('attention')).toContainText('0812-3456-7890');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Sudah ditemui' }).click();
	await expect(page.getByTestId('help-alerts')).toHaveCount(0);

	// Quick exit on the 360 px phone: a neutral page, and back does not return.
	await p.getByTestId('quick-exit').click();
	await expect(p).toHaveURL(/\/cuaca\.html$/);
	await expect(p.getByRole('heading', { name: 'Prakiraan Cuaca' })).toBeVisible();
	await p.goBack();
	await expect(p).not.toHaveURL(/\/p\//);
	await expect(p.locator('body')).not.toContainText('Papan aman');
	await expect(p.locator('body')).not.toContainText('Kirim');
	// Nothing already sent was deleted.
	await page.reload();
	await expect(page.getByTestId('private-notes')).toContainText('Aku sering dipukul di rumah');
	await child.context.close();
});

test('quick exit by keyboard: Shift+Escape leaves for the neutral page; back lands there again; a new visit works', async ({
	browser
}) => {
	const { context, page } = await phone(browser);
	await page.goto('/');
	await page.goto('/join');
	await expectAccessible(page);
	await page.keyboard.press('Shift+Escape');
	await expect(page).toHaveURL(/\/cuaca\.html$/);
	// Back reaches the app page before (a full load): it hands over to the neutral page.
	await page.goBack();
	await expect(page).toHaveURL(/\/cuaca\.html$/);
	// Opening the app anew (typed or from a link) works as before.
	await page.goto('/join');
	await expect(page.getByRole('heading', { name: 'Gabung ke lokakarya' })).toBeVisible();
	await context.close();
});
