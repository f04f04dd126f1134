import { expect, test } from '@playwright/test';
import { addPlanItem, createWorkshop, expectAccessible, signUp } from './helpers';

test('kanban: a task is dragged to another column, and moved back with the keyboard', async ({ page }) => {
	const { orgUrl } = await signUp(page, 'Forum Kanban');
	const workshopUrl = await createWorkshop(page, 'Rembuk Kanban');
	await addPlanItem(page, workshopUrl, 'Lampu lorong');
	const item = page.getByTestId('plan-items').getByRole('listitem').filter({ hasText: 'Lampu lorong' }).first();
	await item.getByPlaceholder('Tugas').fill('Beli kabel');
	await item.getByRole('button', { name: 'Tambah tugas' }).click();
	await expect(item.getByTestId('task')).toContainText('Beli kabel');

	await page.goto(`${orgUrl}/tasks`);
	await page.getByRole('button', { name: 'Papan kanban' }).click();
	const planned = page.getByTestId('kanban-planned');
	const done = page.getByTestId('kanban-done');
	await expect(planned.getByRole('link', { name: 'Beli kabel' })).toBeVisible();
	await planned.getByRole('listitem').filter({ hasText: 'Beli kabel' }).dragTo(done);
	await expect(done.getByRole('link', { name: 'Beli kabel' })).toBeVisible();
	await expect(planned.getByRole('link', { name: 'Beli kabel' })).toHaveCount(0);
	await expectAccessible(page);

	// Without a pointer: the card's own control, from the keyboard.
	const select = done.getByRole('combobox', { name: /Beli kabel/ });
	await select.focus();
	await select.selectOption('planned');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(planned.getByRole('link', { name: 'Beli kabel' })).toBeVisible();
});
