import { expect, test, type Browser } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A phone joins with the code, opens the score card and scores both indicators. */
async function phoneScores(browser: Browser, code: string, scores: [number, number], check = false) {
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.getByRole('link', { name: 'Layanan shelter 2027' }).click();
	await expect(p.getByRole('heading', { level: 1, name: 'Layanan shelter 2027' })).toBeVisible();
	for (const [i, name] of ['Waktu tunggu', 'Petugas ramah'].entries()) {
		const group = p.getByRole('group', { name });
		const card = p.locator('form', { has: group });
		await group
			.getByRole('radio')
			.nth(scores[i] - 1)
			.check();
		if (i === 0) await card.getByLabel(/^Alasan/).fill('Menunggu terlalu lama');
		await card.locator('button[type=submit]').click();
		await expect(card.getByText(`Nilai Anda: ${scores[i]}`)).toBeVisible();
	}
	if (check) {
		// Touch targets of 44 px on the phone.
		const box = await p.locator('label.score').first().boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
		expect(box!.width).toBeGreaterThanOrEqual(44);
		await expectAccessible(p);
	}
	await phone.close();
}

test('a score card from phones to the interface meeting, and the cycle dashboard', async ({ page, browser }) => {
	test.setTimeout(240_000);
	page.on('dialog', (d) => void d.accept());
	const { orgUrl } = await signUp(page, 'Shelter Siklus Uji');
	const workshopUrl = await createWorkshop(page, 'Forum Pencegahan 2027');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	// The facilitator makes a card for the workshop with two indicators.
	await page.goto(orgUrl);
	await page.getByRole('link', { name: 'Kartu skor warga' }).click();
	await page.getByLabel('Judul kartu skor').fill('Layanan shelter 2027');
	await page.getByLabel(/^Lokakarya/).selectOption({ label: 'Forum Pencegahan 2027' });
	await page.getByRole('button', { name: 'Buat kartu skor' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Layanan shelter 2027' })).toBeVisible();
	const cardUrl = page.url();
	for (const text of ['Waktu tunggu', 'Petugas ramah']) {
		await page.getByLabel('Tambah indikator').fill(text);
		await page.getByRole('button', { name: 'Tambah indikator' }).click();
		await expect(page.getByRole('listitem').filter({ hasText: text })).toBeVisible();
	}

	// Two phones at 360 px score; with two, the community side is too few to show.
	await phoneScores(browser, code, [1, 4], true);
	await phoneScores(browser, code, [2, 4]);
	await page.reload();
	const table = page.getByTestId('meeting-table');
	await expect(table.getByText('Terlalu sedikit untuk ditampilkan (2 dari minimal 5)').first()).toBeVisible();
	await expect(page.getByTestId('gap-chart')).toHaveCount(0);

	// Three more phones, and five providers' scores entered from paper: both sides show.
	await phoneScores(browser, code, [1, 5]);
	await phoneScores(browser, code, [2, 4]);
	await phoneScores(browser, code, [1, 4]);
	for (const [indicator, score] of [
		['Waktu tunggu', '4'],
		['Waktu tunggu', '5'],
		['Waktu tunggu', '4'],
		['Waktu tunggu', '5'],
		['Waktu tunggu', '4'],
		['Petugas ramah', '4'],
		['Petugas ramah', '4'],
		['Petugas ramah', '5'],
		['Petugas ramah', '4'],
		['Petugas ramah', '4']
	]) {
		const enter = page.locator('form[action="?/enter"]');
		await enter.getByLabel('Indikator', { exact: true }).selectOption({ label: indicator });
		await enter.getByLabel('Nilai', { exact: true }).selectOption(score);
		await enter.getByRole('button', { name: 'Masukkan nilai' }).click();
		await expect(page.getByText('Nilai dimasukkan.')).toBeVisible();
	}
	await page.goto(cardUrl);
	const rows = table.getByRole('row');
	// Side by side, largest gap first: waiting (1.4 vs 4.4), then kind staff (4.2 vs 4.2).
	await expect(rows.nth(1)).toContainText('Waktu tunggu');
	await expect(rows.nth(1)).toContainText('1,4');
	await expect(rows.nth(1)).toContainText('4,4');
	await expect(rows.nth(1).getByRole('cell').last()).toHaveText('3');
	await expect(page.getByTestId('gap-chart')).toBeVisible();
	await expectAccessible(page);

	// An agreed action becomes a plan item of the workshop.
	await page.getByLabel('Tindakan', { exact: true }).fill('Jadwal layanan malam');
	await page
		.getByLabel(/^Indikator/)
		.last()
		.selectOption({ label: 'Waktu tunggu' });
	await page.getByRole('button', { name: 'Sepakati tindakan' }).click();
	await expect(page.getByTestId('agreed-actions')).toContainText('butir rencana "Jadwal layanan malam"');

	// Co-design: a discovery board that starts from the last assessments.
	await page.goto(workshopUrl);
	await page.getByPlaceholder('Judul papan').fill('Menggali lagi');
	await page.getByLabel('Templat').selectOption({ index: 1 });
	await page.getByLabel(/Mulai dari penilaian terakhir/).check();
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await expect(page.getByRole('link', { name: 'Menggali lagi' })).toBeVisible();

	// Co-delivery: the plan is finalised.
	await page.goto(`${workshopUrl}/plan`);
	await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText('final');

	// The dashboard: three Co's happened, co-commissioning (no vote) is missing.
	await page.goto(orgUrl);
	await page.getByRole('link', { name: 'Siklus ko-produksi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siklus ko-produksi' })).toBeVisible();
	await expect(page.getByTestId('cycle-missing')).toContainText('Perencanaan bersama (co-commissioning)');
	await expect(page.getByTestId('co-co-design')).toContainText('Terjadi');
	await expect(page.getByTestId('co-co-delivery')).toContainText('Terjadi');
	await expect(page.getByTestId('co-co-assessment')).toContainText('Terjadi');
	await expect(page.getByTestId('cycle-chart')).toBeVisible();
	await expectAccessible(page);
	await page.setViewportSize({ width: 1100, height: 1300 });
	await page.screenshot({ path: 'docs/cycle-dashboard.png', fullPage: true });
	// One function: the workshop served prevention (the form's default); case handling had nothing here.
	await page.getByRole('navigation', { name: 'Per fungsi' }).getByRole('link', { name: 'Penanganan' }).click();
	await expect(page).toHaveURL(/function=penanganan/);
	await expect(page.getByTestId('cycle-missing')).toContainText('Melaksanakan bersama (co-delivery)');
	await expectAccessible(page);
});
