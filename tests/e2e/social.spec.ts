import { expect, test, type Browser, type Page } from '@playwright/test';
import { addPlanItem, createWorkshop, expectAccessible, signUp } from './helpers';

// Several phones and a facilitator on a shared, busy machine: more time than the default minute.
test.describe.configure({ timeout: 300_000 });

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Touch targets under 44 x 44 px (links, buttons, fields, labels of radios). */
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
				small.push(`${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}"`);
		}
		return small;
	});
}

async function openWorkshop(page: Page, title: string) {
	const url = await createWorkshop(page, title);
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await expect(page.getByTestId('join-code')).toBeVisible();
	return { url, code: (await page.getByTestId('join-code').textContent())!.trim() };
}

async function joinPhone(browser: Browser, code: string) {
	const context = await browser.newContext(PHONE);
	const p = await context.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await expect(p).toHaveURL(/\/p$/);
	return { context, p };
}

test('a trust pulse answered on a 360 px phone and seen by the facilitator', async ({ page, browser }) => {
	const { orgUrl } = await signUp(page, 'Shelter Denyut');
	const { code } = await openWorkshop(page, 'Rembuk Denyut');
	await page.getByRole('link', { name: 'Kesepakatan & denyut kepercayaan' }).click();
	await page.getByRole('button', { name: 'Buka denyut Awal' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Denyut dibuka' })).toBeVisible();
	await expectAccessible(page);

	const phones = [];
	for (let i = 0; i < 5; i++) {
		const { context, p } = await joinPhone(browser, code);
		phones.push(context);
		await p.getByTestId('pulse-link').click();
		await expect(p.getByRole('heading', { level: 1 })).toHaveText('Bagaimana perasaan Anda?');
		if (i === 0) {
			await expectAccessible(p);
			expect(await smallTargets(p)).toEqual([]);
			expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
			// Sending before every sentence has a face is stopped by the browser (required radios).
		}
		const groups = p.getByRole('group');
		const count = await groups.count();
		expect(count).toBe(5);
		for (let g = 0; g < count; g++) {
			// Faces 1..5; everyone picks 4 ("Cukup") except the first phone, which picks 2 ("Kurang").
			await groups
				.nth(g)
				.getByRole('radio', { name: i === 0 ? 'Kurang' : 'Cukup' })
				.check();
		}
		await p.getByRole('button', { name: 'Kirim jawaban' }).click();
		await expect(p.getByTestId('pulse-thanks')).toBeVisible();
	}
	// The first phone changes its mind: still one answer set.
	const first = phones[0].pages()[0];
	await first.reload();
	await expect(first.getByText('Anda sudah menjawab')).toBeVisible();

	// The facilitator's page, open since the pulse opened, counts the answers without a reload.
	await expect(page.getByTestId('pulse-start').getByTestId('respondents')).toHaveText('5 menjawab');
	await page.getByRole('button', { name: 'Tutup denyut Awal' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Denyut ditutup' })).toBeVisible();
	const row = page.getByTestId('pulse-results').getByRole('row', { name: /yakin usulan kita/ });
	// (2 + 4 * 4) / 5 = 3.6
	await expect(row.getByRole('cell').first()).toHaveText('3.6');
	await expectAccessible(page);
	for (const c of phones) await c.close();

	// The organisation's trend shows it too.
	await page.goto(orgUrl);
	await page.getByRole('link', { name: 'Kesepakatan, kepercayaan & aset' }).click();
	await expect(page.getByTestId('trend')).toContainText('3.6');
});

test('the asset map: a phone records, a pledge reaches the plan co-financing and is followed', async ({
	page,
	browser
}) => {
	const { orgUrl } = await signUp(page, 'Shelter Aset');
	const { url, code } = await openWorkshop(page, 'Rembuk Aset');
	await addPlanItem(page, url, 'Ruang aman anak');

	// A participant records money the community can bring, from a 360 px phone.
	const { context, p } = await joinPhone(browser, code);
	await p.getByRole('link', { name: 'Catat apa yang bisa kita bawa' }).click();
	await p.getByRole('radio', { name: 'Uang' }).check();
	await p.getByLabel('Apa', { exact: true }).fill('Iuran warga RT 3');
	await p.getByLabel('Jumlah uang (Rupiah)').fill('2500000');
	await p.getByLabel(/^Oleh/).fill('PKK RT 3');
	await expectAccessible(p);
	expect(await smallTargets(p)).toEqual([]);
	await p.getByRole('button', { name: 'Catat aset' }).click();
	await expect(p.getByTestId('asset-recorded')).toBeVisible();
	await context.close();

	// The facilitator pledges it to the plan item.
	await page.goto(`${orgUrl}/social`);
	const asset = page.getByTestId('asset').filter({ hasText: 'Iuran warga RT 3' });
	await expect(asset).toContainText('Rp 2.500.000');
	await expect(asset).toContainText('dari ponsel peserta');
	await asset.getByLabel('Butir rencana').selectOption({ label: 'Ruang aman anak (Rembuk Aset)' });
	await asset.getByRole('button', { name: 'Janjikan ke butir rencana' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Aset dijanjikan' })).toBeVisible();
	await expect(asset.getByTestId('pledge')).toContainText('Dijanjikan');
	await expectAccessible(page);

	await page.goto(`${url}/plan`);
	const item = page.getByTestId('plan-items').getByRole('listitem').filter({ hasText: 'Ruang aman anak' }).first();
	await expect(item.getByText('Pembiayaan bersama: Rp 2.500.000')).toBeVisible();
	await expect(item.getByTestId('from-pledge')).toHaveText('dari janji aset warga (Dijanjikan)');

	// Followed in delivery.
	await page.goto(`${orgUrl}/social`);
	await asset.getByLabel('Status janji').selectOption('delivered');
	await asset.getByRole('button', { name: 'Simpan' }).click();
	await expect(asset.getByTestId('pledge')).toContainText('Sudah diberikan');
	await page.goto(`${url}/plan`);
	await expect(item.getByTestId('from-pledge')).toHaveText('dari janji aset warga (Sudah diberikan)');
});
