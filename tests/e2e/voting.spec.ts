import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test('phones vote while the projector counts; results, plan and open-data recount agree', async ({ page, browser }) => {
	page.on('dialog', (d) => void d.accept());
	await signUp(page, 'Forum Anak Uji');
	const workshopUrl = await createWorkshop(page, 'Musrenbang Anak Uji Suara');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	// Three proposals (usulan).
	await page.getByRole('link', { name: 'Usulan', exact: true }).click();
	for (const [title, cost] of [
		['Taman bermain', '50.000.000'],
		['Lampu lorong', '30.000.000'],
		['Akses kursi roda', '40.000.000']
	]) {
		await page.getByLabel('Judul usulan').fill(title);
		await page.getByLabel(/^Perkiraan biaya/).fill(cost);
		await page.getByRole('button', { name: 'Simpan usulan' }).click();
		await expect(page.getByTestId('proposal').getByRole('link', { name: title })).toBeVisible();
	}
	await expectAccessible(page);

	// A round with the Method of Equal Shares.
	await page.goto(`${workshopUrl}/rounds/new`);
	await page.getByLabel('Pagu indikatif (Rupiah)').fill('100.000.000');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Buat putaran' }).click();
	await page.getByRole('button', { name: 'Buka pemungutan suara' }).click();
	await expect(page.getByTestId('round-status')).toHaveText('Sedang dibuka');
	const roundUrl = page.url();
	const projector = await page.context().newPage();
	await projector.goto(`${roundUrl}/projector`);
	await expect(projector.getByTestId('projector-voters')).toHaveText('0');

	const choices = [['Taman bermain', 'Lampu lorong'], ['Taman bermain', 'Lampu lorong'], ['Akses kursi roda']];
	for (const [i, picks] of choices.entries()) {
		const phone = await browser.newContext(PHONE);
		const p = await phone.newPage();
		await p.goto(`/j/${code}?step=profile`);
		await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
		await p.getByRole('link', { name: 'Prioritas usulan' }).click();
		for (const pick of picks) await p.getByLabel(pick).check();
		if (i === 0) await expectAccessible(p);
		await p.getByRole('button', { name: 'Kirim suara' }).click();
		await expect(p.getByTestId('ballot-done')).toBeVisible();
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expect(projector.getByTestId('projector-voters')).toHaveText(String(i + 1), { timeout: 10_000 });
		await phone.close();
	}
	// No partial results on the projector while voting is open.
	await expect(projector.getByTestId('winners')).toHaveCount(0);

	await page.getByRole('button', { name: 'Tutup dan hitung' }).click();
	// The count runs in a worker; the page shows its progress and then the result.
	await expect(page.getByTestId('winners')).toBeVisible({ timeout: 20_000 });
	await expect(page.getByTestId('count-status')).toHaveCount(0);
	const winners = (await page.getByTestId('winners').getByRole('listitem').allTextContents()).map((t) =>
		t.split(' — ')[0].trim()
	);
	expect(winners.length).toBeGreaterThan(0);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Tampilkan hasil' }).click();
	await expect(projector.getByTestId('winners')).toBeVisible({ timeout: 10_000 });

	// The plan shows the winners, ranked.
	await page.goto(`${workshopUrl}/plan`);
	const planTitles = await page.getByTestId('plan-items').locator('li strong').allTextContents();
	expect(planTitles).toEqual(winners);

	// Open data: the export, recounted by the CLI, gives the same winners.
	const exported = await page.request.get(`${roundUrl}/export.pb`);
	expect(exported.status()).toBe(200);
	const text = await exported.text();
	const file = join(mkdtempSync(join(tmpdir(), 'pb-')), 'round.pb');
	writeFileSync(file, text);
	const recount = JSON.parse(
		execFileSync(process.execPath, ['src/lib/voting/tally.ts', file, '--rule', 'mes-add1'], {
			cwd: join(import.meta.dirname, '..', '..'),
			encoding: 'utf8'
		})
	);
	const names = new Map(
		text
			.split('PROJECTS')[1]
			.split('VOTES')[0]
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => [l.split(';')[0], l.split(';')[2]])
	);
	expect(recount.selected.map((id: string) => names.get(id))).toEqual(winners);
	await projector.close();
});
