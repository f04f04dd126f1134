/**
 * A whole forum run by the conductor (issue 12): board -> ballot -> break -> results ->
 * follow-up with three phones following, the projector following the same conductor, a
 * phone that reloads after voting seeing its vote, and results with reasons on phones.
 */
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function sendRoom(page: Page, label: string) {
	await page.getByLabel('Kirim semua ponsel dan proyektor ke').selectOption({ label });
	await page.getByRole('button', { name: 'Kirim semua ke sini' }).click();
}

test('the facilitator conducts board, ballot, break and results; phones and the projector follow', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	page.on('dialog', (d) => void d.accept());
	await signUp(page, 'Forum Warga Uji');
	const workshopUrl = await createWorkshop(page, 'Musrenbang RW Uji Pemandu');
	const workshopId = new URL(workshopUrl).pathname.split('/')[2];

	// A draft forum's QR code explains that it has not opened yet (not a 404).
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const early = await browser.newContext(PHONE);
	const earlyPage = await early.newPage();
	await earlyPage.goto(`/j/${code}`);
	await expect(earlyPage.getByTestId('join-state')).toContainText('belum dibuka');
	await expectAccessible(earlyPage);
	await earlyPage.goto('/join');
	await earlyPage.getByLabel(/^Kode/).fill(code);
	await earlyPage.getByRole('button', { name: 'Gabung dengan kode' }).click();
	await expect(earlyPage.getByTestId('join-state')).toContainText('belum dibuka');
	await early.close();

	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await page.getByPlaceholder('Judul papan').fill('Papan Ide');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await expect(page.getByRole('link', { name: 'Papan Ide' })).toBeVisible();

	await page.getByRole('link', { name: 'Usulan', exact: true }).click();
	for (const [title, cost] of [
		['Lampu jalan', '80.000.000'],
		['Posyandu remaja', '30.000.000'],
		['Taman baca', '60.000.000']
	]) {
		await page.getByLabel('Judul usulan').fill(title);
		await page.getByLabel(/^Perkiraan biaya/).fill(cost);
		await page.getByRole('button', { name: 'Simpan usulan' }).click();
		await expect(page.getByTestId('proposal').getByRole('link', { name: title })).toBeVisible();
	}
	await page.goto(`${workshopUrl}/rounds/new`);
	await page.getByLabel('Judul putaran').fill('Prioritas RW');
	await page.getByLabel('Pagu indikatif (Rupiah)').fill('100.000.000');
	await page.getByLabel('Pilihan paling banyak').fill('2');
	await page.getByLabel(/Suara terbanyak dalam pagu/).check();
	await page.getByLabel('Peserta boleh mengganti suara sampai ditutup').check();
	await page.getByRole('button', { name: 'Buat putaran' }).click();
	await page.getByRole('button', { name: 'Buka pemungutan suara' }).click();
	await expect(page.getByTestId('round-status')).toHaveText('Sedang dibuka');
	const roundUrl = page.url();

	// The projector: no app chrome, a join slide with the code, following the conductor.
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1280, height: 720 });
	await projector.goto(`/w/${workshopId}/projector?follow=1`);
	await expect(projector.getByTestId('join-slide-code')).toHaveText(code);
	await expect(projector.getByRole('button', { name: 'Keluar' })).toHaveCount(0);
	await expect(projector.locator('header nav')).toHaveCount(0);
	const codeSize = await projector
		.getByTestId('join-slide-code')
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(codeSize).toBeGreaterThanOrEqual(100);
	await expectAccessible(projector);

	// Three phones join.
	const phones: Page[] = [];
	for (let i = 0; i < 3; i++) {
		const p = await (await browser.newContext(PHONE)).newPage();
		await p.goto(`/j/${code}?step=profile`);
		await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
		await expect(p).toHaveURL(/\/p$/);
		phones.push(p);
	}

	// Board: every phone and the projector go there.
	await page.goto(workshopUrl);
	await sendRoom(page, 'Papan Ide');
	await expect(page.getByTestId('conductor-now')).toContainText('Papan Ide');
	await expectAccessible(page);
	for (const p of phones) await expect(p).toHaveURL(/\/p\/b\//, { timeout: 10_000 });
	await expect(projector).toHaveURL(/\/boards\/.+\/projector/, { timeout: 10_000 });
	// The board links to the open ballot.
	await expect(phones[0].getByRole('link', { name: 'Prioritas RW' })).toBeVisible();
	// Going back home does not bounce to the board; the phone shows where the room is.
	await phones[0].getByRole('link', { name: 'Lokakarya saya' }).first().click();
	await expect(phones[0]).toHaveURL(/\/p$/);
	await expect(phones[0].getByTestId('room-is-at')).toContainText('Papan Ide');
	await phones[0].waitForTimeout(1000);
	await expect(phones[0]).toHaveURL(/\/p$/);
	await expectAccessible(phones[0]);
	// Sending the room to the same board again is a new instruction: that phone goes back.
	await sendRoom(page, 'Papan Ide');
	await expect(phones[0]).toHaveURL(/\/p\/b\//, { timeout: 10_000 });

	// Ballot: everyone goes to vote.
	await sendRoom(page, 'Surat suara: Prioritas RW');
	for (const p of phones) await expect(p).toHaveURL(/\/p\/v\//, { timeout: 10_000 });
	await expect(projector).toHaveURL(/\/rounds\/.+\/projector/, { timeout: 10_000 });
	const picks = [
		['Lampu jalan', 'Posyandu remaja'],
		['Lampu jalan', 'Taman baca'],
		['Lampu jalan', 'Posyandu remaja']
	];
	for (const [i, p] of phones.entries()) {
		for (const pick of picks[i]) await p.getByLabel(new RegExp(pick)).check();
		if (i === 0) {
			// The maximum is enforced while choosing, with the reason shown.
			const third = p.getByRole('checkbox', { name: /Taman baca/ });
			await expect(third).toBeDisabled();
			await expect(p.getByText('paling banyak 2 pilihan')).toBeVisible();
			await expectAccessible(p);
		}
		await p.getByRole('button', { name: 'Kirim suara' }).click();
		await expect(p.getByTestId('ballot-done')).toBeVisible();
	}
	await expect(projector.getByTestId('projector-voters')).toHaveText('3', { timeout: 10_000 });
	// Readable from the back of the hall: even the status line is large on a 1280 px wall.
	const statusSize = await projector
		.locator('.projector p.hint')
		.first()
		.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(statusSize).toBeGreaterThanOrEqual(24);

	// A phone that reloads after voting sees its vote and the choices, and may change it.
	await phones[0].reload();
	const mine = phones[0].getByTestId('my-vote');
	await expect(mine).toContainText(/Anda memberi suara pukul \d{2}[.:]\d{2}/);
	await expect(mine).toContainText('Lampu jalan');
	await expect(mine).toContainText('Posyandu remaja');
	await expect(mine.getByRole('button', { name: 'Ganti suara' })).toBeVisible();
	await expectAccessible(phones[0]);

	// Close and reveal: phones still on the ballot get the results pushed, no reload.
	await page.goto(roundUrl);
	await page.getByRole('button', { name: 'Tutup dan hitung' }).click();
	await expect(page.getByTestId('winners')).toBeVisible();
	await page.getByRole('button', { name: 'Tampilkan hasil' }).click();
	for (const p of phones) await expect(p.getByTestId('outcome')).toHaveCount(3, { timeout: 10_000 });

	// A break: phones show the break screen, the projector too.
	await page.goto(workshopUrl);
	await sendRoom(page, 'Layar istirahat');
	for (const p of phones) await expect(p.getByTestId('break-screen')).toBeVisible({ timeout: 10_000 });
	await expect(projector.getByTestId('projector-break')).toBeVisible({ timeout: 10_000 });

	// The results: everyone is sent there.
	await sendRoom(page, 'Hasil: Prioritas RW');
	for (const p of phones) {
		await expect(p).toHaveURL(/\/p\/v\//, { timeout: 10_000 });
		await expect(p.getByTestId('outcome')).toHaveCount(3);
	}
	const rows = phones[1].getByTestId('outcome');
	await expect(rows.nth(0)).toContainText('Lampu jalan');
	await expect(rows.nth(0)).toContainText('Terpilih');
	await expect(rows.filter({ hasText: 'Posyandu remaja' })).toContainText('lebih besar dari sisa pagu');
	await expectAccessible(phones[1]);
	expect(await phones[1].evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expect(projector.getByTestId('outcome')).toHaveCount(3, { timeout: 10_000 });
	await expectAccessible(projector);

	// Follow-up: the forum closes; the join link leads to what became of the plan.
	await page.getByLabel('Status', { exact: true }).selectOption('closed');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await expect(page.getByTestId('status')).toHaveText(/Ditutup|Selesai/);
	await phones[2].goto(`/j/${code}`);
	await expect(phones[2]).toHaveURL(new RegExp(`/f/${code}$`));
	await expect(phones[2].getByTestId('follow-up-items')).toContainText('Lampu jalan');
	await expectAccessible(phones[2]);
	for (const p of phones) await p.context().close();
	await projector.close();
});

test('projector keys: J brings up the join slide over a followed board and back; no app chrome on any projector page', async ({
	page
}) => {
	await signUp(page, 'Forum Proyektor Uji');
	const workshopUrl = await createWorkshop(page, 'Rembuk Proyektor');
	const workshopId = new URL(workshopUrl).pathname.split('/')[2];
	await page.getByPlaceholder('Judul papan').fill('Papan Dinding');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await expect(page.getByRole('link', { name: 'Papan Dinding' })).toBeVisible();
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1280, height: 720 });
	await projector.goto(`/w/${workshopId}/projector?follow=1`);
	await expect(projector.getByTestId('join-slide')).toBeVisible();
	await sendRoom(page, 'Papan Dinding');
	await expect(projector).toHaveURL(/\/boards\/.+\/projector\?follow=1$/, { timeout: 10_000 });
	await expect(projector.getByRole('heading', { level: 1, name: 'Papan Dinding' })).toBeVisible();
	await expect(projector.getByRole('link', { name: 'Organisasi' })).toHaveCount(0);
	await expect(projector.getByRole('button', { name: 'Layar penuh (F)' })).toBeVisible();
	await expectAccessible(projector);
	await projector.keyboard.press('j');
	await expect(projector.getByTestId('join-slide')).toBeVisible();
	await expect(projector).toHaveURL(/join=1/);
	await projector.keyboard.press('j');
	await expect(projector).toHaveURL(/\/boards\/.+\/projector\?follow=1$/, { timeout: 10_000 });
	await projector.close();
});
