import { expect, test, type Browser } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp, uniqueEmail } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function phone(browser: Browser) {
	const context = await browser.newContext(PHONE);
	return { context, page: await context.newPage() };
}

test('a facilitator runs a workshop and sees participants arrive by group', async ({ page, browser }) => {
	await page.goto('/');
	await expectAccessible(page);
	await page.goto('/signup');
	await expectAccessible(page);
	await signUp(page, 'Shelter Warga Uji');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Buat lokakarya' }).click();
	await expectAccessible(page);
	await page.goBack();
	const workshopUrl = await createWorkshop(page, 'Musrenbang Anak Uji');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await expect(page.getByTestId('status')).toHaveText('Dibuka');
	await expectAccessible(page);
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{6}$/);
	await expect(page.getByTestId('attendance-total')).toHaveText('0');

	// A participant joins from a phone, by code, without an account.
	const p = await phone(browser);
	await p.page.goto('/join');
	await expectAccessible(p.page);
	await p.page.getByLabel(/^Kode dari layar/).fill(code.toLowerCase());
	await p.page.getByRole('button', { name: 'Gabung dengan kode' }).click();
	await expect(p.page.getByRole('heading', { name: 'Sebelum mulai' })).toBeVisible();
	await expectAccessible(p.page);
	await p.page.getByRole('link', { name: 'Saya mengerti dan setuju' }).click();
	await p.page.getByLabel('Perempuan').check();
	await p.page.getByLabel('Penyandang disabilitas').check();
	await expectAccessible(p.page);
	await p.page.getByLabel(/^Nama panggilan/).fill('Ibu Sari');
	await p.page.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await expect(p.page.getByText('Anda bergabung sebagai Ibu Sari.')).toBeVisible();
	await expectAccessible(p.page);
	// Nothing on the phone page is wider than the phone.
	expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// The facilitator's attendance updates by itself.
	await expect(page.getByTestId('attendance-total')).toHaveText('1', { timeout: 10_000 });
	await expect(page.getByRole('row', { name: /Perempuan 1/ })).toBeVisible();

	// A child: no name field, a pseudonym instead.
	const child = await phone(browser);
	await child.page.goto(`/j/${code}?step=profile`);
	await child.page.getByLabel('Anak 7-12 tahun').check();
	await expect(child.page.getByLabel(/^Nama panggilan/)).toHaveCount(0);
	await child.page.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await expect(child.page.getByText(/Anda bergabung sebagai \S+/)).toBeVisible();
	await expect(page.getByTestId('attendance-total')).toHaveText('2', { timeout: 10_000 });

	// Someone without a phone, added by the facilitator.
	await page.getByLabel('Nama panggilan (boleh dikosongkan)').fill('Pak Daeng');
	await page.getByRole('group', { name: 'Termasuk kelompok' }).getByLabel('Lansia').check();
	await page.getByRole('button', { name: 'Tambah peserta tanpa ponsel' }).click();
	await expect(page.getByTestId('attendance-total')).toHaveText('3');
	await expect(page.getByText('1 dibantu fasilitator')).toBeVisible();

	// Refusal: a participant cannot open facilitator pages.
	await p.page.goto(workshopUrl);
	await expect(p.page).toHaveURL(/\/login\?next=/);
	const refused = await p.page.request.post(`${workshopUrl}?/status`, {
		form: { status: 'closed' },
		headers: { origin: new URL(workshopUrl).origin }
	});
	expect(refused.status()).toBe(401);
	await p.context.close();
	await child.context.close();
});

test("a member of organisation A gets 404 for organisation B's workshop", async ({ browser }) => {
	const a = await browser.newContext();
	const b = await browser.newContext();
	const pageA = await a.newPage();
	const pageB = await b.newPage();
	await signUp(pageA, 'Organisasi A');
	const orgB = await signUp(pageB, 'Organisasi B');
	const workshopB = await createWorkshop(pageB, 'Lokakarya rahasia B');

	const response = await pageA.goto(workshopB);
	expect(response?.status()).toBe(404);
	expect((await pageA.goto(orgB.orgUrl))?.status()).toBe(404);
	expect((await pageA.goto(`${workshopB}/edit`))?.status()).toBe(404);
	await expect(pageA.getByText('Lokakarya rahasia B')).toHaveCount(0);
	const post = await pageA.request.post(`${workshopB}?/status`, {
		form: { status: 'closed' },
		headers: { origin: new URL(workshopB).origin }
	});
	expect(post.status()).toBe(404);
	await a.close();
	await b.close();
});

test('log in, wrong password, language switch, log out', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	await page.getByLabel('Email').fill('fasilitator@demo.test');
	await page.getByLabel('Kata sandi').fill('wrong-password');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toHaveText('Email atau kata sandi salah.');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await page.getByLabel('Email').fill('fasilitator@demo.test');
	await page.getByLabel('Password').fill('demo-rembuk-2026');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('link', { name: /Shelter Warga Tamamaung/ })).toBeVisible();
	await page.getByRole('link', { name: /Shelter Warga Tamamaung/ }).click();
	await expect(page.getByRole('link', { name: 'Musrenbang Anak Kelurahan Tamamaung 2027' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
	await page.getByRole('link', { name: 'Anggota' }).click();
	await expectAccessible(page);
	await page.goto('/account');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page).toHaveURL(/\/login$/);
	expect((await page.goto('/orgs'))?.url()).toContain('/login?next=%2Forgs');
});

test('an owner invites a facilitator with a one-time link', async ({ page, browser }) => {
	await signUp(page, 'LSM Uji Undangan');
	await page.getByRole('link', { name: 'Anggota' }).click();
	await page.getByLabel('Peran', { exact: true }).selectOption('facilitator');
	await page.getByRole('button', { name: 'Buat tautan undangan' }).click();
	const link = await page.getByLabel('Tautan').inputValue();
	expect(link).toMatch(/\/invite\/[a-z0-9]+$/);

	const other = await browser.newContext();
	const invited = await other.newPage();
	await invited.goto(link);
	await expect(invited.getByText(/LSM Uji Undangan sebagai Fasilitator/)).toBeVisible();
	await expectAccessible(invited);
	await invited.getByLabel('Nama', { exact: true }).fill('Fasilitator Baru');
	await invited.getByLabel('Email').fill(uniqueEmail('invited'));
	await invited.getByLabel(/^Kata sandi/).fill('password-123');
	await invited.getByRole('button', { name: 'Buat akun dan bergabung' }).click();
	await expect(invited.getByRole('heading', { level: 1, name: 'LSM Uji Undangan' })).toBeVisible();
	await expect(invited.getByRole('link', { name: 'Buat lokakarya' })).toBeVisible();

	// The link is used up.
	const third = await browser.newContext();
	const late = await third.newPage();
	await late.goto(link);
	await expect(late.getByRole('alert')).toContainText('Tautan ini tidak berlaku lagi');
	await other.close();
	await third.close();
});

test('joining with a wrong code explains what to do', async ({ browser }) => {
	const p = await phone(browser);
	await p.page.goto('/join');
	await p.page.getByLabel(/^Kode dari layar/).fill('AAAAAA');
	await p.page.getByRole('button', { name: 'Gabung dengan kode' }).click();
	await expect(p.page.getByRole('alert')).toContainText('Kode tidak ditemukan');
	await p.page.getByLabel(/^Kode dari layar/).fill('12');
	await p.page.getByRole('button', { name: 'Gabung dengan kode' }).click();
	await expect(p.page.getByRole('alert')).toContainText('6 huruf dan angka');
	await expectAccessible(p.page);
	expect((await p.page.goto('/j/AAAAAA'))?.status()).toBe(404);
	await p.context.close();
});

test('healthz reports the database', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true, driver: 'pglite' } });
});

test('form posts from another site are refused; the same host is allowed', async ({ request, baseURL }) => {
	const form = { email: 'nobody@example.id', password: 'whatever1' };
	const foreign = await request.post('/login', {
		form,
		headers: { origin: 'https://evil.example', accept: 'text/html' }
	});
	expect(foreign.status()).toBe(403);
	// Same host: the action runs and refuses the unknown account (400, not 403).
	const local = await request.post('/login', {
		form,
		headers: { origin: new URL(baseURL!).origin, accept: 'text/html' }
	});
	expect(local.status()).toBe(400);
	expect(await local.text()).toContain('Email atau kata sandi salah.');
});
