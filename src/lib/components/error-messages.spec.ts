import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from './error-messages';

const root = join(import.meta.dirname, '..', '..');
const ids = Object.keys(JSON.parse(readFileSync(join(root, 'lib/i18n/messages/id.json'), 'utf8')));

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sources(path);
		return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
	});
}

describe('the error registry', () => {
	it('holds every error key the server code can answer with', () => {
		const named = new Set<string>();
		for (const file of sources(root)) {
			for (const [, key] of readFileSync(file, 'utf8').matchAll(/['"`]([a-z][a-z0-9_]+)['"`]/g)) {
				if (ids.includes(key) && (key.includes('error_') || key.startsWith('ui_rupiah_'))) named.add(key);
			}
		}
		expect(named.size).toBeGreaterThan(40);
		expect([...named].filter((key) => !ERROR_MESSAGES[key])).toEqual([]);
	});
});
