import { expect, test, type Browser, type Page } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function aPhone(browser: Browser, code: string, group: string) {
	const context = await browser.newContext(PHONE);
	const p = await context.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByLabel(group).check();
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.getByRole('link', { name: 'Peta jaringan' }).click();
	await expect(p.getByRole('heading', { level: 1, name: 'Peta jaringan' })).toBeVisible();
	return p;
}

async function nameActor(p: Page, name: string, kind: string) {
	await p.getByLabel('Nama (atau peran)').fill(name);
	await p.getByLabel('Jenis', { exact: true }).selectOption({ label: kind });
	await p.getByRole('button', { name: 'Tambahkan ke peta' }).click();
	await expect(p.getByTestId('phone-actors')).toContainText(name);
}

async function drawTie(p: Page, from: string, to: string) {
	const onMap = p.getByRole('heading', { name: /^Di peta:/ });
	const before = Number((await onMap.textContent())!.match(/(\d+) hubungan/)![1]);
	await p.getByLabel('Dari').selectOption({ label: from });
	await p.getByLabel('Ke', { exact: true }).selectOption({ label: to });
	await p.getByRole('button', { name: 'Tambahkan hubungan' }).click();
	await expect(onMap).toContainText(`${before + 1} hubungan`);

	await expect(p.getByTestId('phone-status')).toContainText('Hubungan ditambahkan');
}

test('a mapping session: two phones add actors and ties; the facilitator map shows the bridging actor', async ({
	page,
	browser
}) => {
	// Three browsers on a machine shared with other work: more than the default minute.
	test.setTimeout(180_000);
	await signUp(page, 'Shelter Jejaring');
	await createWorkshop(page, 'Lokakarya Jejaring');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const workshopPath = new URL(page.url()).pathname;

	await page.getByRole('link', { name: 'Pemetaan jaringan' }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Mulai sesi pemetaan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lokakarya Jejaring' })).toBeVisible();
	const mapUrl = page.url();

	// Two phones at 360 px name actors and draw ties.
	const sari = await aPhone(browser, code, 'Perempuan');
	await expectAccessible(sari);
	await nameActor(sari, 'Kader PKK', 'Kelompok warga');
	await nameActor(sari, 'Ketua RT 03', 'Orang (menurut peran)');
	const budi = await aPhone(browser, code, 'Pemuda');
	await nameActor(budi, 'Puskesmas', 'Kantor pemerintah');
	await nameActor(budi, 'Karang Taruna', 'Kelompok warga');
	await budi.reload();
	await drawTie(budi, 'Kader PKK', 'Ketua RT 03');
	await drawTie(budi, 'Ketua RT 03', 'Puskesmas');
	await sari.reload();
	await drawTie(sari, 'Ketua RT 03', 'Karang Taruna');
	// Touch targets on the phone are at least 44 px high.
	for (const target of [
		sari.getByRole('button', { name: 'Tambahkan hubungan' }),
		sari.getByLabel('Dari'),
		sari.getByLabel('Nama (atau peran)')
	]) {
		expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	}
	await expectAccessible(sari);

	// The facilitator's map: Ketua RT 03 bridges, in the findings, the table and the picture.
	await page.goto(mapUrl);
	await expect(page.getByTestId('bridging')).toHaveText('Ketua RT 03');
	const row = page.locator('tr[data-actor-row="Ketua RT 03"]');
	await expect(row.getByTestId('bridge-badge')).toBeVisible();
	await expect(row).toContainText('1.000');
	const picture = page.getByTestId('network-picture');
	await expect(picture.locator('g[data-bridge="true"]')).toHaveCount(1);
	await expect(picture.locator('g[data-bridge="true"]')).toHaveAttribute('data-name', 'Ketua RT 03');
	await expect(picture.locator('g[data-actor]')).toHaveCount(4);
	await expect(picture.locator('line')).toHaveCount(3);
	await expect(page.getByTestId('no-government')).toHaveText('Kader PKK, Karang Taruna');
	// Keyboard way to the picture: "Show" in the table lights up the actor's ties.
	await row.getByRole('button', { name: /Tampilkan/ }).click();
	await expect(row.getByRole('button', { name: /Tampilkan/ })).toHaveAttribute('aria-pressed', 'true');
	await expectAccessible(page);
	await picture.screenshot({ path: 'docs/network-map.png' });

	// The facilitator adds an actor and removes it again, confirming first.
	await page.getByLabel('Nama (atau peran)').fill('Dinas Sosial');
	await page.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Kantor pemerintah' });
	await page.getByRole('button', { name: 'Tambah aktor' }).click();
	await expect(page.locator('tr[data-actor-row="Dinas Sosial"]')).toBeVisible();
	page.once('dialog', (d) => void d.dismiss());
	await page.locator('tr[data-actor-row="Dinas Sosial"]').getByRole('button', { name: /Hapus/ }).click();
	await expect(page.locator('tr[data-actor-row="Dinas Sosial"]')).toBeVisible();
	page.once('dialog', (d) => void d.accept());
	await page.locator('tr[data-actor-row="Dinas Sosial"]').getByRole('button', { name: /Hapus/ }).click();
	await expect(page.locator('tr[data-actor-row="Dinas Sosial"]')).toHaveCount(0);

	// The projector shows the picture and who bridges, without the app around it.
	await page.goto(`${workshopPath}/network/projector`);
	await expect(page.getByTestId('projector-bridging')).toContainText('Ketua RT 03');
	await expect(page.getByTestId('network-picture').locator('g[data-bridge="true"]')).toHaveCount(1);
	await expectAccessible(page);
	// Pushed, not polled: a phone names one more actor and the wall draws it without a reload
	// (well within the 10 s the wall used to wait between reloads).
	await expect(page.getByTestId('network-picture').locator('g[data-actor]')).toHaveCount(4);
	await sari.reload();
	await nameActor(sari, 'Posyandu Melati', 'Kelompok warga');
	await expect(page.getByTestId('network-picture').locator('g[data-actor]')).toHaveCount(5, { timeout: 5000 });
});
