import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

/** Touch targets under 44 x 44 px (radios and checkboxes count by their label). */
async function smallTargets(page: Page) {
	return page.evaluate(() => {
		const small: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(
			'a[href], button, select, textarea, input:not([type="hidden"])'
		)) {
			const target =
				el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
					? (el.closest('label') ?? el)
					: el;
			const box = target.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || target.closest('.visually-hidden, .skip')) continue;
			if (box.height < 44 || box.width < 44)
				small.push(`${target.tagName} "${(target.textContent ?? '').trim().slice(0, 30)}"`);
		}
		return small;
	});
}

async function answerAll(page: Page, answers: number[]) {
	for (const [i, a] of answers.entries()) await page.locator(`input[name="u${i + 1}"][value="${a}"]`).check();
}

test('a respondent answers on a phone (offline first, then without JavaScript); the facilitator sees the index', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000); // three browsers, a dozen page loads, axe four times, on a shared machine
	const { orgUrl } = await signUp(page, 'Shelter Warga IKM');
	await page.getByRole('link', { name: 'Survei kepuasan (IKM)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Survei Kepuasan Masyarakat (IKM)' })).toBeVisible();
	await page.getByLabel(/^Layanan yang disurvei/).fill('Pendampingan korban');
	await page.getByLabel('Fungsi (opsional)').selectOption('penanganan');
	await page.getByRole('button', { name: 'Buat survei' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pendampingan korban' })).toBeVisible();
	await page.getByRole('button', { name: 'Buka survei' }).click();
	await expect(page.getByTestId('ikm-status')).toHaveText('Dibuka');
	const link = (await page.getByTestId('ikm-link').getAttribute('href'))!;
	const path = new URL(link).pathname;
	await expectAccessible(page);

	// A phone with JavaScript: the connection drops just before sending; the answers wait and go when it is back.
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	const scripts = new Map<string, Promise<number>>();
	p.on('response', (r) => {
		if (r.request().resourceType() === 'script' && !scripts.has(r.url()))
			scripts.set(
				r.url(),
				r.body().then(
					(b) => gzipSync(b).length,
					() => 0
				)
			);
	});
	await p.goto(path);
	await p.waitForLoadState('networkidle');
	const kb = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0) / 1024;
	console.log(`/s/[code] script: ${kb.toFixed(1)} kB gzipped in ${scripts.size} files`);
	expect(kb).toBeLessThan(100);
	await expect(p.getByRole('heading', { level: 1, name: 'Pendampingan korban' })).toBeVisible();
	await expect(p.getByText('Pertanyaan 1 dari 9')).toBeVisible();
	await expectAccessible(p);
	expect(await smallTargets(p)).toEqual([]);
	expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	// The words are the labels: tapping "Sesuai" answers U1.
	await p
		.getByRole('group', { name: /kesesuaian persyaratan pelayanan/ })
		.getByText('Sesuai', { exact: true })
		.click();
	await expect(p.locator('input[name="u1"][value="3"]')).toBeChecked();
	await answerAll(p, [3, 3, 3, 3, 3, 3, 3, 1, 3]);
	// Kept on the phone: a reload brings the answers back.
	await p.reload();
	await expect(p.getByText('Jawaban yang belum terkirim dipulihkan dari ponsel ini.')).toBeVisible();
	await expect(p.locator('input[name="u8"][value="1"]')).toBeChecked();
	await phone.setOffline(true);
	await p.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(p.getByTestId('ikm-offline')).toBeVisible();
	await phone.setOffline(false);
	await expect(p.getByTestId('ikm-thanks')).toBeVisible();
	await expectAccessible(p);
	expect(await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rr-ikm-draft')))).toEqual([]);
	await phone.close();

	// A phone without JavaScript: a plain form post.
	const plain = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	const q = await plain.newPage();
	await q.goto(path);
	await answerAll(q, [4, 4, 4, 4, 4, 4, 4, 2, 4]);
	await q.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(q.getByTestId('ikm-thanks')).toBeVisible();
	await plain.close();

	// NRR 3.5 everywhere but U8 (1.5): SKM 29.5/9, IKM 81.94, B; U8 the weakest at 37.50.
	await page.reload();
	await expect(page.getByTestId('ikm-respondents')).toContainText('2 responden (2 lewat ponsel, 0 kertas)');
	await expect(page.getByTestId('ikm-value')).toHaveText('81.94');
	await expect(page.getByTestId('ikm-category')).toContainText('B (Baik)');
	await expect(page.getByTestId('ikm-weakest')).toContainText('U8 Penanganan pengaduan, saran dan masukan · 37.50');
	await expect(page.getByTestId('ikm-element-8')).toHaveClass(/weakest/);
	await expect(page.getByTestId('ikm-element-8')).toContainText('terlemah');
	await page.getByLabel('Jumlah penerima layanan (populasi)').fill('100');
	await page.getByRole('button', { name: 'Hitung' }).click();
	await expect(page.getByTestId('ikm-sample')).toContainText('2 responden dari 80 yang dibutuhkan untuk populasi 100');
	await expectAccessible(page);
	await page.goto(`${orgUrl.replace(/\/$/, '')}/ikm`);
	await expect(page.getByRole('row', { name: /Pendampingan korban/ })).toContainText('81.94');
});
