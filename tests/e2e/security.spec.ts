import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signUp } from './helpers';

/** Collects every Content-Security-Policy refusal the browser reports on a page. */
function watchCsp(page: Page): string[] {
	const refused: string[] = [];
	page.on('console', (msg) => {
		if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text());
	});
	page.on('pageerror', (err) => refused.push(String(err)));
	return refused;
}

test('pages carry the security headers, over plain http without HSTS', async ({ request }) => {
	for (const path of ['/', '/login', '/join']) {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		const headers = response.headers();
		const csp = headers['content-security-policy'];
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).not.toContain('upgrade-insecure-requests');
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('same-origin');
		expect(headers['strict-transport-security']).toBeUndefined();
		// The nonce in the header is the one on the page's inline script.
		const nonce = /'nonce-([^']+)'/.exec(csp)![1];
		expect(await response.text()).toContain(`nonce="${nonce}"`);
	}
});

test('the app works under the policy: login, workshop with QR code, live board, projector', async ({ page }) => {
	const refused = watchCsp(page);
	await page.goto('/login');
	await page.getByLabel('Email').fill('fasilitator@demo.test');
	await page.getByLabel('Kata sandi').fill('demo-rembuk-2026');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/orgs/);
	await page.getByRole('link', { name: /Shelter Warga Tamamaung/ }).click();
	await page.getByRole('link', { name: 'Musrenbang Anak Kelurahan Tamamaung 2027' }).click();
	await expect(page.locator('.qr svg')).toBeVisible();
	await page.getByRole('link', { name: 'Menggali masalah bersama' }).first().click();
	// The websocket connects under connect-src, the board renders.
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.goto(page.url() + '/projector');
	await expect(page.locator('.qr svg')).toBeVisible();
	expect(refused).toEqual([]);
});

test('next never leads off-site, nor breaks the page', async ({ page, request, baseURL }) => {
	for (const next of [
		'/%09/evil.example/phish',
		'/%0a/evil.example',
		'//evil.example',
		'/%5Cevil.example',
		'/%0d%0aSet-Cookie:x=1'
	]) {
		const response = await request.post('/lang', {
			form: { lang: 'id', next: decodeURIComponent(next) },
			headers: { origin: new URL(baseURL!).origin },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		const location = response.headers()['location'];
		expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
		expect(location.startsWith('//')).toBe(false);
	}
	await page.goto('/login?next=/%09/evil.example/phish');
	await page.getByLabel('Email').fill('fasilitator@demo.test');
	await page.getByLabel('Kata sandi').fill('demo-rembuk-2026');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/orgs/);
	expect(new URL(page.url()).hostname).toBe('localhost');
	const bad = await page.goto('/login?next=/%0a/evil.example');
	expect(bad!.status()).toBeLessThan(500);
	expect(new URL(page.url()).hostname).toBe('localhost');
});

test('a person makes a recovery code, resets their own password with it and is told on login', async ({ page }) => {
	const { email } = await signUp(page, 'Organisasi Pemulihan');
	await page.goto('/account');
	await page.locator('#recoveryPassword').fill('password-123');
	await page.getByRole('button', { name: 'Buat kode pemulihan baru' }).click();
	const code = (await page.getByTestId('recovery-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Keluar' }).click();

	await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
	await expectAccessible(page);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Kode pemulihan').fill(code.toLowerCase());
	await page.getByLabel(/^Kata sandi baru/).fill('kata-sandi-baru-1');
	await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
	await expect(page.getByTestId('recovery-code')).not.toHaveText(code);

	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Kata sandi').fill('kata-sandi-baru-1');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByTestId('reset-notice')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Saya mengerti' }).click();
	await expect(page.getByTestId('reset-notice')).toHaveCount(0);
});

test('a form body that cannot be read is a 400 with a plain message, never a 500', async ({ request, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	for (const [type, body] of [
		['multipart/form-data; boundary=rembuk', 'this is not multipart at all'],
		['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\nAB'],
		['multipart/form-data; boundary=rembuk', '--rembuk\r\nContent-Disposition: form-data; name="code"\r\n\r\nAB']
	]) {
		for (const path of ['/join', '/login', '/join?/default']) {
			const response = await request.post(path, { headers: { origin, 'content-type': type }, data: body });
			expect(response.status(), `${path} with ${type}`).toBe(400);
			expect(await response.text()).toContain('Formulir tidak terbaca');
		}
	}
	// A well-formed post still reaches its action.
	const fine = await request.post('/join', { headers: { origin }, form: { code: 'ZZZZZZ' } });
	expect(fine.status()).toBeLessThan(500);
});
