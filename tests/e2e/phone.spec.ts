import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const LONG_URL = `https://contoh.desa.id/${'laporan-warga-'.repeat(21)}x`.slice(0, 300);
const LONG_TITLE = `Musyawarah${'Kelurahan'.repeat(21)}`.slice(0, 200);

/** Touch targets under 44 x 44 px: links, buttons, fields, and the labels of checkboxes and radios. */
async function smallTargets(page: Page) {
	return page.evaluate(() => {
		const small: string[] = [];
		const targets = document.querySelectorAll<HTMLElement>(
			'a[href], button, select, textarea, input:not([type="hidden"])'
		);
		for (const el of targets) {
			const target =
				el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
					? (el.closest('label') ?? el)
					: el;
			const box = target.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || target.closest('.visually-hidden, .skip')) continue;
			if (box.height < 44 || box.width < 44)
				small.push(
					`${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`
				);
		}
		return small;
	});
}
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('every amount field reads Rupiah: dots or not, ,00 accepted, cents/negative/too large explained', async ({
	page
}) => {
	await signUp(page, 'Forum Rupiah');
	const workshopUrl = await createWorkshop(page, 'Rembuk Rupiah');
	await page.goto(`${workshopUrl}/proposals`);
	const cases: [string, string, RegExp][] = [
		['Lampu A', '1.500.000', /Rp\s?1\.500\.000/],
		['Lampu B', '1500000', /Rp\s?1\.500\.000/],
		['Lampu C', '100.000.000,00', /Rp\s?100\.000\.000/]
	];
	for (const [title, cost, shown] of cases) {
		await page.getByLabel('Judul usulan').fill(title);
		await page.getByLabel(/^Perkiraan biaya/).fill(cost);
		await page.getByRole('button', { name: 'Simpan usulan' }).click();
		await expect(page.getByTestId('proposal').filter({ has: page.getByRole('link', { name: title }) })).toContainText(
			shown
		);
	}
	const refused: [string, RegExp][] = [
		['1.500.000,50', /tanpa sen/],
		['-5', /tidak boleh negatif/],
		['12345678901234567890', /terlalu besar/]
	];
	for (const [cost, message] of refused) {
		await page.getByLabel('Judul usulan').fill(`Tolak ${cost}`);
		const field = page.getByLabel(/^Perkiraan biaya/);
		await field.fill(cost);
		await field.blur();
		// Said at once in the browser, and again by the server if sent anyway.
		await expect(page.getByText(message).first()).toBeVisible();
		await page.getByRole('button', { name: 'Simpan usulan' }).click();
		await expect(page.getByText(message).first()).toBeVisible();
		await expect(page.getByText(/lebih dari 0/)).toHaveCount(0);
		await expect(page.getByRole('link', { name: `Tolak ${cost}` })).toHaveCount(0);
	}
	await expectAccessible(page);
});

test('participant pages on a 360 px phone: 44 px targets, long text wraps, input card first, language switch keeps the idea, closed explained', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	page.on('dialog', (d) => void d.accept());
	await signUp(page, 'Forum Ponsel');
	await createWorkshop(page, LONG_TITLE);
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const workshopUrl = page.url().split('?')[0];
	// A ballot to measure too: two proposals (one with a long title) and an open round.
	await page.getByRole('link', { name: 'Usulan', exact: true }).click();
	for (const title of ['Lampu jalan', LONG_TITLE.slice(0, 120)]) {
		await page.getByLabel('Judul usulan').fill(title);
		await page.getByLabel(/^Perkiraan biaya/).fill('10.000.000');
		await page.getByRole('button', { name: 'Simpan usulan' }).click();
		await expect(page.getByTestId('proposal').getByRole('link', { name: title })).toBeVisible();
	}
	await page.goto(`${workshopUrl}/rounds/new`);
	await page.getByLabel('Pagu indikatif (Rupiah)').fill('15.000.000');
	await page.getByRole('button', { name: 'Buat putaran' }).click();
	await page.getByRole('button', { name: 'Buka pemungutan suara' }).click();
	await page.goto(workshopUrl);
	await page.getByRole('button', { name: 'Tambahkan tiga tahap co-design' }).click();
	await page.getByRole('link', { name: 'Menggali masalah dan wawasan' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByPlaceholder('Tulis catatan baru').fill(LONG_URL);
	await page.getByRole('button', { name: 'Tambah catatan' }).click();
	const boardPath = new URL(page.url()).pathname.replace(/.*\/boards\//, '/p/b/');

	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	const check = async (label: string) => {
		expect(await noSideScroll(p), `${label}: no horizontal scroll`).toBe(true);
		expect(await smallTargets(p), `${label}: touch targets`).toEqual([]);
		await expectAccessible(p);
	};
	await p.goto('/join');
	await check('/join');
	await p.goto(`/j/${code}`);
	await check('/j (consent)');
	await p.goto(`/j/${code}?step=profile`);
	await check('/j (profile)');
	// Ticked groups survive the language switch too.
	await p.getByLabel('Lansia').check();
	await p.getByRole('button', { name: 'English' }).click();
	await expect(p.getByLabel('Elder')).toBeChecked();
	await p.getByRole('button', { name: 'Bahasa Indonesia' }).click();
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.waitForURL('**/p');
	await check('/p');
	await p.getByRole('link', { name: 'Prioritas usulan' }).click();
	await p.waitForURL('**/p/v/**');
	await check('/p/v (ballot)');
	await p.goto(`/f/${code}`);
	await check('/f (follow-up)');

	await p.goto(boardPath);
	await expect(p.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await expect(p.getByTestId('participant-notes')).toContainText(LONG_URL.slice(0, 40));
	// The input card comes before the prompts; the prompt is chosen with large buttons.
	const cardTop = (await p.getByRole('heading', { name: 'Tulis ide' }).boundingBox())!.y;
	const promptsTop = (await p.getByTestId('prompts').boundingBox())!.y;
	expect(cardTop).toBeLessThan(promptsTop);
	await expect(
		p
			.getByRole('group', { name: /^Menjawab pertanyaan/ })
			.getByRole('radio')
			.first()
	).toBeVisible();
	await expect(p.locator('select#answer-to')).toHaveCount(0);
	await check('/p/b (input card)');

	// An idea being written survives the language switch.
	await p.getByLabel('Ide atau pendapatmu').fill('Lampu jalan di lorong 3 mati');
	await p.getByRole('button', { name: 'English' }).click();
	await expect(p.getByRole('button', { name: 'Bahasa Indonesia' })).toBeVisible();
	await expect(p.getByLabel('Your idea or opinion')).toHaveValue('Lampu jalan di lorong 3 mati');
	await p.getByRole('button', { name: 'Bahasa Indonesia' }).click();
	await expect(p.getByLabel('Ide atau pendapatmu')).toHaveValue('Lampu jalan di lorong 3 mati');

	// After the workshop closes, the card gives way to an explanation.
	await page.goto(page.url().replace(/\/boards\/.*/, ''));
	await page.getByLabel('Status', { exact: true }).selectOption('closed');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await p.reload();
	await expect(p.getByTestId('card-closed')).toBeVisible();
	await expect(p.getByLabel('Ide atau pendapatmu')).toHaveCount(0);
	await check('/p/b (closed)');
	await phone.close();
});

test('the rate limit says so and when the waiting ideas go out', async ({ page, browser }) => {
	await signUp(page, 'Forum Cepat');
	await createWorkshop(page, 'Rembuk Cepat');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByPlaceholder('Judul papan').fill('Ide cepat');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.getByRole('link', { name: 'Ide cepat' }).click();
	await expect(p.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	for (let i = 1; i <= 21; i++) {
		await p.getByLabel('Ide atau pendapatmu').fill(`Ide nomor ${i}`);
		await p.getByRole('button', { name: 'Kirim' }).click();
	}
	await expect(
		p.getByText(
			/Batas 20 ide per menit tercapai\. \d+ ide menunggu di ponsel ini dan terkirim otomatis dalam \d+ detik/
		)
	).toBeVisible({ timeout: 15_000 });
	await phone.close();
});

test('installable: manifest, icons, favicon.ico and a service worker that takes control', async ({ page }) => {
	const manifest = await page.request.get('/manifest.webmanifest');
	expect(manifest.ok()).toBe(true);
	const json = await manifest.json();
	expect(json.name).toBe('Ruang Rembuk');
	expect(json.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of json.icons) expect((await page.request.get(icon.src)).ok()).toBe(true);
	const ico = await page.request.get('/favicon.ico');
	expect(ico.ok()).toBe(true);
	const errors: string[] = [];
	page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
	await page.goto('/join');
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest$/);
	const script = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '');
	expect(script).toMatch(/\/service-worker\.js$/);
	// The Content-Security-Policy lets the manifest and the worker load: no refusals in the console.
	expect(errors.filter((e) => /Content Security Policy|manifest/i.test(e))).toEqual([]);
});

test('a phone that drops off the Wi-Fi still shows its page (service worker cache)', async ({ page, browser }) => {
	await signUp(page, 'Forum Luring');
	await createWorkshop(page, 'Rembuk Luring');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.waitForURL('**/p');
	await p.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
	});
	await p.reload(); // now through the worker, which keeps the page
	await expect(p.getByRole('heading', { level: 1, name: 'Rembuk Luring' })).toBeVisible();
	await phone.setOffline(true);
	await p.reload();
	await expect(p.getByRole('heading', { level: 1, name: 'Rembuk Luring' })).toBeVisible();
	await phone.setOffline(false);
	await phone.close();
});
