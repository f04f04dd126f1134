import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const fixtures = join(root, 'tests', 'fixtures', 'pabulib');
const tally = (...args: string[]) =>
	JSON.parse(execFileSync(process.execPath, ['src/lib/voting/tally.ts', ...args], { cwd: root, encoding: 'utf8' }));

describe('tally CLI', () => {
	it('recounts the worked example with each rule', () => {
		const file = join(fixtures, 'musrenbang_toy_tiebreak.pb');
		expect(tally(file, '--rule', 'greedy')).toMatchObject({ selected: ['P2', 'P1'], cost: 80_000_000 });
		expect(tally(file, '--rule', 'mes')).toMatchObject({ selected: ['P2', 'P3'], cost: 70_000_000 });
		expect(tally(file, '--rule', 'mes-add1', '--step', '1000000')).toMatchObject({ selected: ['P2', 'P3'] });
		expect(tally(file, '--rule', 'phragmen')).toMatchObject({ selected: ['P2', 'P3'] });
	});

	it('reads decimal costs, a META without its header line, and cumulative votes', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pb-'));
		const file = join(dir, 'points.pb');
		writeFileSync(
			file,
			[
				'META',
				'budget;2.5',
				'vote_type;cumulative',
				'PROJECTS',
				'project_id;cost',
				'1;1.5',
				'2;1',
				'10;0.5',
				'VOTES',
				'voter_id;vote;points',
				'a;1,10;3,1',
				'b;2;4',
				'c;10,2;2,2'
			].join('\n')
		);
		expect(tally(file, '--rule', 'greedy')).toEqual({ rule: 'greedy', selected: ['2', '10'], cost: 1.5, budget: 2.5 });
		expect(tally(file, '--rule', 'mes').selected.length).toBeGreaterThan(0);
	});

	it('counts zero-cost projects (refused before) under every rule', () => {
		const file = join(fixtures, 'zero_cost_approval.pb');
		expect(tally(file, '--rule', 'greedy').selected).toEqual(['Z', 'A', 'B']);
		expect(tally(file, '--rule', 'mes').selected).toEqual(['A']);
		expect(tally(file, '--rule', 'mes-add1').selected).toEqual(['A', 'Z', 'B']);
		expect(tally(file, '--rule', 'phragmen').selected).toEqual(['Z', 'B', 'A']);
	});

	it('refuses a bad file with its line number and exit code 2', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pb-'));
		const file = join(dir, 'bad.pb');
		writeFileSync(file, 'META\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n2;zz\n');
		const result = spawnSync(process.execPath, ['src/lib/voting/tally.ts', file, '--rule', 'greedy'], {
			cwd: root,
			encoding: 'utf8'
		});
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('line 9: vote for unknown project zz');
	});

	it('refuses bad input with a message and exit code 2', () => {
		const result = spawnSync(
			process.execPath,
			['src/lib/voting/tally.ts', join(fixtures, 'musrenbang_toy_tiebreak.pb'), '--rule', 'borda'],
			{ cwd: root, encoding: 'utf8' }
		);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Which rule?');
	});
});
