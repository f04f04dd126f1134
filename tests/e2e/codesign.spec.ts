import { expect, test } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test('a co-design workshop from templates: answers, clusters, dots, a prototype promoted into the plan', async ({
	page,
	browser
}) => {
	page.on('dialog', (d) => void d.accept());
	await signUp(page, 'LSM Co-design Uji');
	const workshopUrl = await createWorkshop(page, 'Merancang pos aman anak');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByRole('button', { name: 'Tambahkan tiga tahap co-design' }).click();
	await expect(page.getByRole('link', { name: 'Menggali masalah dan wawasan' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Membuat purwarupa' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Menilai dan memperluas' })).toBeVisible();

	// Stage 1: discovery. Everyone follows the facilitator to this board.
	await page.getByRole('link', { name: 'Menggali masalah dan wawasan' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByLabel('Butir agenda sekarang').selectOption({ label: 'Menggali masalah dan wawasan (45 menit)' });
	await page.getByRole('button', { name: 'Ajak semua ke papan ini' }).click();
	await expect(page.getByText('Semua peserta sedang mengikuti papan ini.')).toBeVisible();
	await page.getByLabel('Menit').fill('10');
	await page.getByRole('button', { name: 'Mulai timer' }).click();
	await expect(page.getByTestId('timer')).toBeVisible();
	await expectAccessible(page, ['[data-testid="canvas"]']);

	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	// Follow me: the phone lands on the discovery board by itself.
	await expect(p.getByRole('heading', { name: 'Menggali masalah dan wawasan' })).toBeVisible();
	await expect(p.getByText('Sekarang: Menggali masalah dan wawasan')).toBeVisible();
	await expect(p.getByTestId('timer')).toBeVisible();
	await expect(p.getByTestId('prompts').getByText('Apa yang menghalangi orang mendapat bantuan?')).toBeVisible();
	await p.getByLabel('Ide atau pendapatmu').fill('Anak takut melapor ke RT');
	await p
		.getByRole('group', { name: /^Menjawab pertanyaan/ })
		.getByRole('radio', { name: /Hambatan/ })
		.first()
		.check();
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Terkirim! Idemu ada di papan.')).toBeVisible();
	await p.getByLabel('Ide atau pendapatmu').fill('Tidak tahu nomor pengaduan');
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByTestId('participant-notes')).toContainText('Tidak tahu nomor pengaduan');
	await expectAccessible(p);

	// Affinity clustering: both notes into one cluster with a title.
	await page.getByRole('button', { name: 'Daftar' }).click();
	for (const text of ['Anak takut melapor ke RT', 'Tidak tahu nomor pengaduan']) {
		await page.getByRole('listitem').filter({ hasText: text }).getByRole('checkbox').check();
	}
	await page.getByLabel('Judul kelompok').first().fill('Sulit melapor');
	await page.getByRole('button', { name: 'Kelompokkan' }).click();
	await expect(page.getByRole('region', { name: 'Sulit melapor' })).toBeVisible();

	// Open dot voting: two dots each, visible to all.
	await page.getByLabel('Titik per orang').fill('2');
	await page.getByRole('button', { name: 'Simpan', exact: true }).click();
	await expect(p.getByTestId('dots-left')).toContainText('sisa 2 dari 2');
	await p.getByRole('button', { name: /Beri titik\s*: Anak takut melapor ke RT/ }).click();
	await p.getByRole('button', { name: /Beri titik\s*: Anak takut melapor ke RT/ }).click();
	await expect(p.getByTestId('dots-left')).toContainText('sisa 0 dari 2');
	await expect(p.getByRole('button', { name: /Beri titik\s*: Tidak tahu nomor pengaduan/ })).toBeDisabled();
	await page.getByRole('button', { name: 'Kanvas' }).click();
	await expect(page.getByTestId('dots')).toHaveText('● 2');

	// The cluster becomes a plan item.
	await page.getByRole('button', { name: /Jadikan butir rencana\s*: Sulit melapor/ }).click();
	await expect(page.getByText('Masuk ke rencana.')).toBeVisible();

	// Stage 2: prototyping canvas, answered from the phone, promoted into the plan.
	await page.goto(workshopUrl);
	await page.getByRole('link', { name: 'Membuat purwarupa' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByLabel('Butir agenda sekarang').selectOption({ label: 'Membuat purwarupa (60 menit)' });
	await page.getByRole('button', { name: 'Ajak semua ke papan ini' }).click();
	await expect(p.getByRole('heading', { name: 'Membuat purwarupa' })).toBeVisible({ timeout: 10_000 });
	await p.getByLabel('Ide atau pendapatmu').fill('Anak SD di lorong 5');
	await p
		.getByRole('group', { name: /^Menjawab pertanyaan/ })
		.getByRole('radio', { name: /Untuk siapa/ })
		.first()
		.check();
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(page.getByTestId('note').filter({ hasText: 'Anak SD di lorong 5' })).toBeVisible();
	await page.getByRole('button', { name: 'Jadikan purwarupa ini butir rencana' }).click();
	await expect(page.getByText('Masuk ke rencana.')).toBeVisible();

	// Stage 3 exists with its decision frame.
	await page.goto(workshopUrl);
	await page.getByRole('link', { name: 'Menilai dan memperluas' }).click();
	await expect(page.getByRole('textbox', { name: 'Pertanyaan pemandu untuk Keputusan' })).toBeVisible();

	// The plan shows both items and where they came from.
	await page.goto(`${workshopUrl}/plan`);
	const items = page.getByTestId('plan-items').getByRole('listitem');
	await expect(items.filter({ hasText: 'Sulit melapor' }).getByTestId('origin')).toContainText(
		'dari kelompok ide: Menggali masalah dan wawasan'
	);
	await expect(items.filter({ hasText: 'Membuat purwarupa' }).getByTestId('origin')).toContainText(
		'dari kanvas purwarupa: Membuat purwarupa'
	);
	await expect(items.filter({ hasText: 'Membuat purwarupa' })).toContainText('Untuk siapa: Anak SD di lorong 5');
	await expectAccessible(page);
	await phone.close();
});
