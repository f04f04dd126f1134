import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Lets a test cut a page's realtime connection, as a dropped Wi-Fi would. */
async function cuttable(page: Page) {
	const state = { offline: false, sockets: [] as { close: () => Promise<void> }[] };
	await page.routeWebSocket(/\/collab\//, (ws) => {
		if (state.offline) {
			void ws.close({ code: 1006 });
			return;
		}
		ws.connectToServer();
		state.sockets.push(ws);
	});
	return {
		async goOffline(context: BrowserContext) {
			state.offline = true;
			await context.setOffline(true);
			for (const ws of state.sockets.splice(0)) await ws.close();
		},
		async goOnline(context: BrowserContext) {
			state.offline = false;
			await context.setOffline(false);
		}
	};
}

async function login(browser: Browser, email: string, password: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/orgs/);
	return { context, page };
}

test('two facilitators and a phone participant work on one board live', async ({ page, browser }) => {
	const { email, password } = await signUp(page, 'Shelter Papan');
	await createWorkshop(page, 'Lokakarya Papan');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByPlaceholder('Judul papan').fill('Menggali masalah');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await page.getByRole('link', { name: 'Menggali masalah' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await expectAccessible(page, ['[data-testid="canvas"]']);
	const boardUrl = page.url();

	// A second browser of the same team sees notes appear live, both ways.
	const other = await login(browser, email, password);
	await other.page.goto(boardUrl);
	await expect(other.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByPlaceholder('Tulis catatan baru').fill('Lampu lorong mati');
	await page.getByRole('button', { name: 'Tambah catatan' }).click();
	await expect(other.page.getByTestId('note').filter({ hasText: 'Lampu lorong mati' })).toBeVisible();
	await other.page.getByPlaceholder('Tulis catatan baru').fill('Tidak ada taman bermain');
	await other.page.getByRole('button', { name: 'Tambah catatan' }).click();
	await expect(page.getByTestId('note').filter({ hasText: 'Tidak ada taman bermain' })).toBeVisible();

	// Undo removes one's own note for everyone.
	await other.page.getByRole('button', { name: 'Urungkan' }).click();
	await expect(page.getByTestId('note').filter({ hasText: 'Tidak ada taman bermain' })).toHaveCount(0);

	// A participant on a phone adds an idea through the input card.
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByLabel('Anak 13-17 tahun').check();
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.getByRole('link', { name: 'Menggali masalah' }).click();
	await expect(p.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await expect(p.getByTestId('participant-notes')).toContainText('Lampu lorong mati');
	// A child (13-17) gets child mode: simpler words on the same card.
	await p.getByRole('textbox', { name: 'Tulis di sini (boleh tidak)' }).fill('Jalan ke sekolah gelap');
	await p.getByText('Biru').click();
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Terima kasih! Idemu sudah masuk.')).toBeVisible();
	await expect(page.getByTestId('note').filter({ hasText: 'Jalan ke sekolah gelap' })).toBeVisible();
	await expectAccessible(p);
	expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// The list view carries the same content, for screen readers.
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(
		page.getByRole('main').getByRole('listitem').filter({ hasText: 'Jalan ke sekolah gelap' })
	).toBeVisible();
	await expectAccessible(page);

	// Projector: read-only, live, with the join code.
	const projector = await other.context.newPage();
	await projector.goto(`${boardUrl}/projector`);
	await expect(projector.getByTestId('projector-note')).toHaveCount(2);
	await expect(projector.getByText(code)).toBeVisible();
	await expectAccessible(projector);

	// Locking the board stops the input card.
	await page.getByRole('button', { name: 'Kunci papan' }).click();
	await expect(p.getByText('Papan sedang dikunci oleh fasilitator.')).toBeVisible();
	await page.getByRole('button', { name: 'Buka kunci papan' }).click();
	await expect(p.getByRole('textbox', { name: 'Tulis di sini (boleh tidak)' })).toBeVisible();

	// The participant cannot open the facilitator's board page.
	expect((await p.goto(boardUrl))?.url()).toContain('/login');
	await phone.close();
	await other.context.close();
});

test('edits made offline are kept and merge on reconnect', async ({ page, browser }) => {
	const { email, password } = await signUp(page, 'Shelter Luring');
	await createWorkshop(page, 'Lokakarya Luring');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByPlaceholder('Judul papan').fill('Papan luring');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await page.getByRole('link', { name: 'Papan luring' }).click();
	await expect(page).toHaveURL(/\/boards\//);
	const boardUrl = page.url();

	const watcher = await login(browser, email, password);
	await watcher.page.goto(boardUrl);
	await expect(watcher.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

	// A facilitator's laptop loses the Wi-Fi, edits, closes the tab, and comes back later.
	const laptop = await browser.newContext();
	const lp = await laptop.newPage();
	await lp.goto('/login');
	await lp.getByLabel('Email').fill(email);
	await lp.getByLabel('Kata sandi').fill(password);
	await lp.getByRole('button', { name: 'Masuk' }).click();
	await expect(lp).toHaveURL(/\/orgs/);
	const net = await cuttable(lp);
	await lp.goto(boardUrl);
	await expect(lp.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await net.goOffline(laptop);
	await expect(lp.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await lp.getByPlaceholder('Tulis catatan baru').fill('Ditulis tanpa sinyal');
	await lp.getByRole('button', { name: 'Tambah catatan' }).click();
	await expect(lp.getByTestId('connection-status')).toContainText('1 perubahan menunggu');
	await lp.waitForTimeout(300); // y-indexeddb writes asynchronously
	await lp.close();
	await expect(watcher.page.getByTestId('note')).toHaveCount(0);
	await net.goOnline(laptop);
	const again = await laptop.newPage();
	await again.goto(boardUrl);
	await expect(watcher.page.getByTestId('note').filter({ hasText: 'Ditulis tanpa sinyal' })).toBeVisible({
		timeout: 15_000
	});

	// A participant's idea written offline waits on the phone and is sent once on reconnect.
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await expect(p).toHaveURL(/\/p$/);
	const pnet = await cuttable(p);
	await p.getByRole('link', { name: 'Papan luring' }).click();
	await expect(p.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await pnet.goOffline(phone);
	await p.getByLabel('Ide atau pendapatmu').fill('Ide dari ponsel luring');
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Tersimpan di ponselmu.')).toBeVisible();
	await expect(p.getByTestId('connection-status')).toContainText('1 perubahan menunggu');
	await pnet.goOnline(phone);
	await expect(watcher.page.getByTestId('note').filter({ hasText: 'Ide dari ponsel luring' })).toHaveCount(1, {
		timeout: 15_000
	});
	await expect(p.getByTestId('participant-notes')).toContainText('Ide dari ponsel luring', { timeout: 15_000 });
	await p.waitForTimeout(6000); // past the outbox retry interval: still exactly one
	await expect(watcher.page.getByTestId('note').filter({ hasText: 'Ide dari ponsel luring' })).toHaveCount(1);
	await phone.close();
	await laptop.close();
	await watcher.context.close();
});
