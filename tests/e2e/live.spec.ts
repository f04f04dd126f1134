/**
 * Live pages are pushed, not polled: idle pages make no data requests, changes arrive
 * within a second, a background update never cancels a navigation, and typed input
 * survives hydration and live updates.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const IDLE_MS = 15_000;

/** Counts a page's data requests (`__data.json`, fetch/xhr) other than the live stream. */
function countDataRequests(page: Page) {
	const seen: string[] = [];
	page.on('request', (r) => {
		const url = r.url();
		if (
			url.includes('__data.json') ||
			((r.resourceType() === 'fetch' || r.resourceType() === 'xhr') && !url.includes('/live?'))
		)
			seen.push(url);
	});
	return seen;
}

/** Opens a page and waits until its live stream answered (at most 3 s: a polling page has none). */
/** Opens a page and waits until it is hydrated (SvelteKit's router owns history) and its live stream answered. */
async function openLive(page: Page, url: string) {
	const stream = page
		.waitForResponse((r) => r.url().includes('/live?') && r.status() === 200, { timeout: 10_000 })
		.catch(() => null);
	await page.goto(url);
	// A link clicked before hydration is a full page load: no client navigation, no progress bar.
	await page.waitForFunction(
		() => Object.keys(history.state ?? {}).some((k) => k.startsWith('sveltekit:')),
		undefined,
		{ timeout: 15_000 }
	);
	await stream;
}

/** An open workshop with one proposal, an open round and a board with moderation on. */
async function setUp(page: Page) {
	page.on('dialog', (d) => void d.accept());
	await signUp(page, 'Forum Langsung');
	const workshopUrl = await createWorkshop(page, 'Musrenbang Langsung');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await expect(page.getByTestId('status')).toHaveText('Dibuka');
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByPlaceholder('Judul papan').fill('Papan langsung');
	await page.getByRole('button', { name: 'Buat papan' }).click();
	await page.getByRole('link', { name: 'Papan langsung' }).click();
	await page.getByRole('button', { name: 'Catatan peserta perlu disetujui' }).click();
	await expect(page.getByRole('heading', { name: /Menunggu persetujuan/ })).toBeVisible();
	const boardUrl = page.url();
	await page.goto(`${workshopUrl}/proposals`);
	for (const [title, cost] of [
		['Taman bermain', '50.000.000'],
		['Lampu lorong', '30.000.000']
	]) {
		await page.getByLabel('Judul usulan').fill(title);
		await page.getByLabel(/^Perkiraan biaya/).fill(cost);
		await page.getByRole('button', { name: 'Simpan usulan' }).click();
		await expect(page.getByTestId('proposal').getByRole('link', { name: title })).toBeVisible();
	}
	await page.goto(`${workshopUrl}/rounds/new`);
	await page.getByLabel('Pagu indikatif (Rupiah)').fill('100.000.000');
	await page.getByRole('button', { name: 'Buat putaran' }).click();
	await page.getByRole('button', { name: 'Buka pemungutan suara' }).click();
	await expect(page.getByTestId('round-status')).toHaveText('Sedang dibuka');
	return { workshopUrl, boardUrl, roundUrl: page.url(), code };
}

async function joinPhone(browser: Browser, code: string) {
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.waitForURL('**/p');
	return { phone, p };
}

test('idle live pages make no data requests; joins, notes, ballots and the reveal arrive within a second', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const { workshopUrl, boardUrl, roundUrl, code } = await setUp(page);
	const context = page.context();
	const [board, round, projector] = [await context.newPage(), await context.newPage(), await context.newPage()];
	await openLive(page, workshopUrl);
	await openLive(board, boardUrl);
	await openLive(round, roundUrl);
	await openLive(projector, `${roundUrl}/projector`);
	const requests = {
		workshop: countDataRequests(page),
		board: countDataRequests(board),
		round: countDataRequests(round),
		projector: countDataRequests(projector)
	};
	await page.waitForTimeout(IDLE_MS);
	console.log(
		`data requests in ${IDLE_MS / 1000} s idle: ${Object.entries(requests)
			.map(([k, v]) => `${k} ${v.length}`)
			.join(', ')}`
	);
	expect(requests).toEqual({ workshop: [], board: [], round: [], projector: [] });
	await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online');
	await expect(projector.getByTestId('live-status')).toHaveAttribute('data-status', 'online');

	// Half-filled forms on the facilitator's pages: live updates must leave them alone.
	await page.getByLabel('Nama panggilan (boleh dikosongkan)').fill('Bu Ani');
	const paperChoice = round.locator('form[action="?/paper"] input[type="checkbox"]').first();
	await paperChoice.check();

	// A participant joins: the attendance count follows.
	const { phone, p } = await joinPhone(browser, code);
	const joinedAt = Date.now();
	await expect(page.getByTestId('attendance-total')).toHaveText('1', { timeout: 1000 });
	const joinDelay = Date.now() - joinedAt;

	// A note waits for moderation: the facilitator's queue shows it.
	await p.goto(boardUrl.replace(/.*\/w\/[^/]+\/boards\//, '/p/b/'));
	await p.getByLabel('Ide atau pendapatmu').fill('Lampu taman mati');
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(p.getByText('Terkirim. Fasilitator akan menampilkannya setelah membaca.')).toBeVisible();
	const queuedAt = Date.now();
	await expect(board.getByText('Lampu taman mati')).toBeVisible({ timeout: 1000 });
	const noteDelay = Date.now() - queuedAt;

	// A ballot: the round page and the projector count it. The projector records when its count changed.
	await projector.evaluate(() => {
		const el = document.querySelector('[data-testid="projector-voters"]')!;
		new MutationObserver(() => ((window as unknown as { changedAt: number }).changedAt = Date.now())).observe(el, {
			childList: true,
			characterData: true,
			subtree: true
		});
	});
	await p.goto('/p');
	await p.getByRole('link', { name: 'Prioritas usulan' }).click();
	await p.getByLabel('Taman bermain').check();
	const cast = p.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/p/v/'));
	const clickedAt = Date.now();
	await p.getByRole('button', { name: 'Kirim suara' }).click();
	await cast;
	const answeredAt = Date.now();
	await expect(projector.getByTestId('projector-voters')).toHaveText('1', { timeout: 1000 });
	await expect(round.getByTestId('voters')).toHaveText('1', { timeout: 1000 });
	const shownAt = await projector.evaluate(() => (window as unknown as { changedAt: number }).changedAt);
	expect(shownAt - answeredAt).toBeLessThan(1000);
	await expect(paperChoice).toBeChecked();
	await expect(page.getByLabel('Nama panggilan (boleh dikosongkan)')).toHaveValue('Bu Ani');

	// Closed and revealed: the projector shows the results.
	round.on('dialog', (d) => void d.accept());
	await round.getByRole('button', { name: 'Tutup dan hitung' }).click();
	const reveal = round.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('reveal'));
	await round.getByRole('button', { name: 'Tampilkan hasil' }).click();
	await reveal;
	const revealedAt = Date.now();
	await expect(projector.getByTestId('winners')).toBeVisible({ timeout: 1000 });
	const revealDelay = Date.now() - revealedAt;
	await expectAccessible(projector);
	await expectAccessible(page);

	console.log(
		`live delays (ms): join→attendance ${joinDelay}, note→queue ${noteDelay}, ballot click→projector ${shownAt - clickedAt}, ballot answered→projector ${shownAt - answeredAt}, reveal→projector ${revealDelay}`
	);
	await phone.close();
});

test('a link clicked while the next page is slow still lands, even when live updates arrive meanwhile', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const { workshopUrl, boardUrl, roundUrl, code } = await setUp(page);

	// Workshop page → proposals, data delayed 6 s; a participant joins meanwhile.
	await openLive(page, workshopUrl);
	await page.route('**/proposals/__data.json*', async (route) => {
		await new Promise((r) => setTimeout(r, 6000));
		await route.continue();
	});
	await page.getByRole('link', { name: 'Usulan', exact: true }).click();
	await expect.soft(page.getByTestId('nav-progress')).toBeVisible();
	const { phone } = await joinPhone(browser, code);
	await expect(page.getByRole('heading', { level: 1, name: 'Usulan' })).toBeVisible({ timeout: 10_000 });
	expect(page.url()).toMatch(/\/proposals$/);

	// Board page → workshop page, delayed; the phone's note waits for moderation meanwhile.
	await openLive(page, boardUrl);
	const workshopPath = new URL(workshopUrl).pathname;
	await page.route(`**${workshopPath}/__data.json*`, async (route) => {
		await new Promise((r) => setTimeout(r, 6000));
		await route.continue();
	});
	await page.getByRole('link', { name: '← Musrenbang Langsung' }).click();
	const p = await phone.newPage();
	await p.goto(boardUrl.replace(/.*\/w\/[^/]+\/boards\//, '/p/b/'));
	await p.getByLabel('Ide atau pendapatmu').fill('Selokan mampet');
	await p.getByRole('button', { name: 'Kirim' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Musrenbang Langsung' })).toBeVisible({ timeout: 10_000 });
	await page.unroute(`**${workshopPath}/__data.json*`);

	// Round page → workshop page, delayed; the round closes meanwhile (a status change reloads the round page).
	await openLive(page, roundUrl);
	await page.route(`**${workshopPath}/__data.json*`, async (route) => {
		await new Promise((r) => setTimeout(r, 6000));
		await route.continue();
	});
	const other = await page.context().newPage();
	other.on('dialog', (d) => void d.accept());
	await other.goto(roundUrl);
	await page.getByRole('link', { name: '← Musrenbang Langsung' }).click();
	const clickedAt = Date.now();
	await other.getByRole('button', { name: 'Tutup dan hitung' }).click();
	await expect(other.getByTestId('round-status')).toHaveText('Ditutup');
	// The status change reached the round page while its navigation was still waiting.
	expect(Date.now() - clickedAt).toBeLessThan(4000);
	await expect(page.getByRole('heading', { level: 1, name: 'Musrenbang Langsung' })).toBeVisible({ timeout: 10_000 });
	await phone.close();
});

test('a join code typed before the scripts run survives hydration; so does a note on the input card', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	const delayScripts = async () => {
		await p.route('**/_app/immutable/**', async (route) => {
			await new Promise((r) => setTimeout(r, 3000));
			await route.continue().catch(() => undefined); // the page may have moved on
		});
	};
	const hydrated = () =>
		p.waitForFunction(() => Object.keys(history.state ?? {}).some((k) => k.startsWith('sveltekit:')), undefined, {
			timeout: 15_000
		});

	await delayScripts();
	await p.goto('/join', { waitUntil: 'commit' });
	await p.getByLabel(/^Kode dari layar/).pressSequentially('K7MX4C');
	expect(await p.evaluate(() => Object.keys(history.state ?? {}).some((k) => k.startsWith('sveltekit:')))).toBe(false);
	await hydrated();
	await p.waitForTimeout(300);
	await expect(p.getByLabel(/^Kode dari layar/)).toHaveValue('K7MX4C');
	await p.unrouteAll({ behavior: 'ignoreErrors' });
	// A wrong code comes back in the field, to be corrected rather than retyped.
	await p.getByRole('button', { name: 'Gabung dengan kode' }).click();
	await expect(p.getByRole('alert')).toContainText('Kode tidak ditemukan');
	await expect(p.getByLabel(/^Kode dari layar/)).toHaveValue('K7MX4C');

	// A note typed on the input card before the board page's scripts run.
	const facilitator = await browser.newPage();
	await signUp(facilitator, 'Shelter Ketik');
	await createWorkshop(facilitator, 'Lokakarya Ketik');
	await facilitator.getByLabel('Status', { exact: true }).selectOption('open');
	await facilitator.getByRole('button', { name: 'Ubah status' }).click();
	await expect(facilitator.getByTestId('status')).toHaveText('Dibuka');
	const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
	await facilitator.getByPlaceholder('Judul papan').fill('Papan ketik');
	await facilitator.getByRole('button', { name: 'Buat papan' }).click();
	await expect(facilitator.getByRole('link', { name: 'Papan ketik' })).toBeVisible();
	await p.goto(`/j/${code}?step=profile`);
	await p.getByRole('button', { name: 'Masuk ke lokakarya' }).click();
	await p.waitForURL('**/p');
	const boardLink = p.locator('a[href^="/p/b/"]').first();
	const boardHref = await boardLink.getAttribute('href');
	await delayScripts();
	await p.goto(boardHref!, { waitUntil: 'commit' });
	await p.getByLabel('Ide atau pendapatmu').pressSequentially('Ketik sebelum skrip');
	await hydrated();
	await p.waitForTimeout(300);
	await expect(p.getByLabel('Ide atau pendapatmu')).toHaveValue('Ketik sebelum skrip');
	await facilitator.close();
	await phone.close();
});

test('a page that lost its connection says so and catches up when it returns', async ({ page, browser }) => {
	await signUp(page, 'Forum Putus');
	const workshopUrl = await createWorkshop(page, 'Lokakarya Putus');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	await expect(page.getByTestId('status')).toHaveText('Dibuka');
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await openLive(page, workshopUrl);
	await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online');

	await page.context().setOffline(true);
	await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'offline', { timeout: 10_000 });
	await expect(page.getByTestId('live-status')).toContainText('Koneksi terputus');
	const { phone } = await joinPhone(browser, code);
	await expect(page.getByTestId('attendance-total')).toHaveText('0');

	await page.context().setOffline(false);
	await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online', { timeout: 10_000 });
	await expect(page.getByTestId('attendance-total')).toHaveText('1');
	await phone.close();
});
