import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every page we build must have zero axe violations (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, exclude: string[] = []) {
	let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
	for (const selector of exclude) builder = builder.exclude(selector);
	const { violations } = await builder.analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

let counter = 0;
export function uniqueEmail(prefix: string) {
	return `${prefix}-${Date.now().toString(36)}-${counter++}@e2e.test`;
}

export async function signUp(page: Page, organisationName: string) {
	const email = uniqueEmail('fac');
	await page.goto('/signup');
	await page.getByLabel('Nama', { exact: true }).fill('Fasilitator Uji');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel(/^Kata sandi/).fill('password-123');
	await page.getByLabel(/^Nama organisasi/).fill(organisationName);
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('heading', { level: 1, name: organisationName })).toBeVisible();
	return { email, password: 'password-123', orgUrl: page.url() };
}

/** Adds a plan item by its title on the workshop's plan page, and waits until it is listed. */
export async function addPlanItem(page: Page, workshopUrl: string, title: string) {
	await page.goto(`${workshopUrl}/plan`);
	await page.locator('summary', { hasText: 'Tambah butir rencana' }).click();
	await page.getByLabel('Judul').fill(title);
	await page.getByRole('button', { name: 'Tambah butir rencana' }).click();
	await expect(page.getByTestId('plan-items')).toContainText(title);
}

export async function createWorkshop(page: Page, title: string) {
	await page.getByRole('link', { name: 'Buat lokakarya' }).click();
	await page.getByLabel('Judul').fill(title);
	await page.getByLabel('Tanggal').fill('2027-02-01');
	await page.getByLabel('Kelurahan', { exact: true }).fill('Tamamaung');
	await page.getByRole('button', { name: 'Buat lokakarya' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return page.url();
}
