import { expect, test } from '@playwright/test';
import { addPlanItem, createWorkshop, expectAccessible, signUp } from './helpers';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
// The smallest valid PNG (1x1 pixel).
const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
	'hex'
);

test('finalise a plan, deliver a task with a partner, and participants see it on the follow-up page', async ({
	page,
	browser
}) => {
	page.on('dialog', (d) => void d.accept());
	const { orgUrl } = await signUp(page, 'Shelter Tindak Lanjut');
	// A partner in the organisation's directory.
	await page.goto(`${orgUrl}/partners`);
	await page.getByLabel('Nama mitra').fill('PT Sejahtera (CSR)');
	await page.getByLabel('Jenis mitra').selectOption('private');
	await page.getByLabel(/^Nama narahubung/).fill('Bu Rina Kontak');
	await page.getByRole('button', { name: 'Tambah mitra' }).click();
	await expect(page.getByRole('main').getByText('PT Sejahtera (CSR)', { exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.goto(orgUrl);
	const workshopUrl = await createWorkshop(page, 'Musrenbang Tindak Lanjut');
	await page.getByLabel('Status', { exact: true }).selectOption('open');
	await page.getByRole('button', { name: 'Ubah status' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	// A plan item, co-financed, with a task owned by the partner.
	await addPlanItem(page, workshopUrl, 'Lampu lorong menuju sekolah');
	const item = page
		.getByTestId('plan-items')
		.getByRole('listitem')
		.filter({ hasText: 'Lampu lorong menuju sekolah' })
		.first();
	await item.locator('summary', { hasText: 'Ubah rincian, pembiayaan, dan mitra' }).click();
	await item.getByLabel('Sumber dana').selectOption('csr');
	await item.getByLabel('Jumlah (Rupiah)').fill('7.500.000');
	await item.getByRole('button', { name: 'Tambah pembiayaan' }).click();
	await expect(item.getByText('Pembiayaan bersama: Rp 7.500.000')).toBeVisible();
	await item.getByRole('group', { name: 'Mitra penanggung jawab' }).getByLabel('PT Sejahtera (CSR)').check();
	await item.locator('form[action="?/partners"]').getByRole('button').click();
	await expect(item.getByText('Mitra penanggung jawab: PT Sejahtera (CSR)')).toBeVisible();
	await item.getByPlaceholder('Tugas').fill('Pasang 10 lampu');
	await item.getByLabel('Penanggung jawab').selectOption({ label: 'PT Sejahtera (CSR)' });
	await item.getByLabel('Tenggat').fill('2027-03-01');
	await item.getByRole('button', { name: 'Tambah tugas' }).click();
	await expect(item.getByTestId('task')).toContainText('PT Sejahtera (CSR)');
	await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText('final');
	await expectAccessible(page);

	// A participant follows up from the phone, without an account.
	const phone = await browser.newContext(PHONE);
	const p = await phone.newPage();
	await p.goto(`/f/${code}`);
	await expect(p.getByRole('heading', { name: 'Lampu lorong menuju sekolah' })).toBeVisible();
	await expect(p.getByTestId('follow-up-progress')).toHaveAttribute('value', '0');
	await expect(p.getByText('PT Sejahtera (CSR)')).toBeVisible();
	await expect(p.getByText('Bu Rina Kontak')).toHaveCount(0);
	await expectAccessible(p);

	// Evidence with a photo, then the task is done.
	await item.getByTestId('task').getByRole('link', { name: 'Pasang 10 lampu' }).click();
	await page.getByLabel('Bukti', { exact: true }).check();
	await page.getByLabel('Isi catatan').fill('Lampu terpasang di lorong 5');
	await page.getByLabel(/^Foto/).setInputFiles({ name: 'lampu.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('img', { name: 'Foto bukti: Lampu terpasang di lorong 5' })).toBeVisible();
	await expectAccessible(page);
	// A file that is not an image is refused with a clear message.
	await page
		.getByLabel(/^Foto/)
		.setInputFiles({ name: 'virus.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('alert')).toHaveText('Hanya foto JPG, PNG atau WebP.');

	await page.goto(`${workshopUrl}/plan`);
	const task = page.getByTestId('task').first();
	await task.getByLabel('Status tugas').selectOption('done');
	await task.getByRole('button', { name: /Simpan/ }).click();
	await expect(page.getByTestId('progress').first()).toHaveText('Kemajuan 100%');
	await expect(page.getByText(/Riwayat \(\d+\)/)).toBeVisible();

	await p.reload();
	await expect(p.getByTestId('follow-up-progress')).toHaveAttribute('value', '100');
	await expect(p.getByText('1 dari 1 tugas selesai')).toBeVisible();

	// The organisation's task board.
	await page.goto(`${orgUrl}/tasks`);
	await page.getByRole('button', { name: 'Papan kanban' }).click();
	await expect(page.getByRole('region', { name: 'Selesai' }).getByText('Pasang 10 lampu')).toBeVisible();
	await expectAccessible(page);

	// The organisation's plans across workshops.
	await page.goto(`${orgUrl}/plans`);
	await expect(page.getByRole('row', { name: /Lampu lorong menuju sekolah/ })).toContainText('100%');
	await expectAccessible(page);

	// Exports download.
	const pdf = await page.request.get(`${workshopUrl}/exports/berita-acara.pdf`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
	await phone.close();
});
