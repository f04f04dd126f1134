import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const run = (file: string) =>
	spawnSync(process.execPath, ['src/lib/network/network-cli.ts', file], { cwd: root, encoding: 'utf8' });
const fixture = (name: string) => join(root, 'tests/fixtures/network', name);

describe('npm run network', { timeout: 60_000 }, () => {
	it('prints betweenness and communities of the fixture, sorted by id', () => {
		const result = run(fixture('two-triangles.csv'));
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(readFileSync(fixture('two-triangles.expected.json'), 'utf8'));
		expect(JSON.parse(result.stdout).nodes[2]).toEqual({ id: 'c', betweenness: 0.6, community: 0 });
	});

	it('reads weights and rounds to 6 decimals', () => {
		const result = run(fixture('star-weighted.csv'));
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).nodes.map((n: { betweenness: number }) => n.betweenness)).toEqual([1, 0, 0, 0]);
		const dir = mkdtempSync(join(tmpdir(), 'network-'));
		writeFileSync(join(dir, 'path.csv'), 'source,target\na,b\nb,c\nc,d\n');
		const path = JSON.parse(run(join(dir, 'path.csv')).stdout);
		expect(path.nodes[1]).toEqual({ id: 'b', betweenness: 0.666667, community: path.nodes[1].community });
	});

	it('refuses bad input with a message and exit code 1', () => {
		const dir = mkdtempSync(join(tmpdir(), 'network-'));
		const bad = {
			'no-header.csv': 'a,b\nb,c\n',
			'bad-weight.csv': 'source,target,weight\na,b,heavy\n',
			'zero-weight.csv': 'source,target,weight\na,b,0\n',
			'empty-name.csv': 'source,target\na,\n',
			'only-header.csv': 'source,target\n'
		};
		for (const [name, text] of Object.entries(bad)) writeFileSync(join(dir, name), text);
		for (const name of [...Object.keys(bad), 'missing.csv']) {
			const result = run(join(dir, name));
			expect(result.status, name).toBe(1);
			expect(result.stdout, name).toBe('');
			expect(result.stderr, name).toMatch(/Usage: network/);
		}
		expect(run(fixture('bad.csv')).stderr).toMatch(/line 3/);
	});
});
