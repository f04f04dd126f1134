/**
 * The counting rules (docs/counting.md), one import for the app, the Pabulib export and the
 * `tally` CLI, so a recount runs the very same code: greedy by votes within the pagu, top-k
 * (election.ts), the Method of Equal Shares with Add1 and utilitarian completion (mes.ts) and
 * sequential Phragmén (phragmen.ts). Pure and exact: money is BigInt or rational, never a float.
 */
export * from './election.ts';
export { mes, mesAdd1, mesCompleted, prepareMes, type MesProgress } from './mes.ts';
export { phragmen } from './phragmen.ts';
