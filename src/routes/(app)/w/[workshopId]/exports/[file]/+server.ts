import { error } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { planCsv, proposalsCsv, proposalsXlsx } from '$lib/documents/plan-exports.server';
import { publicOrigin } from '$lib/server/venue';
import { beritaAcaraPdf, type DocContext } from '$lib/documents/berita-acara.server';
import { attendanceSheetPdf } from '$lib/documents/attendance-sheet.server';
import type { RequestHandler } from './$types';

const FILES: Record<
	string,
	{ type: string; build: (workshopId: string, context: DocContext) => Promise<string | Buffer> }
> = {
	'berita-acara.pdf': { type: 'application/pdf', build: beritaAcaraPdf },
	'daftar-hadir.pdf': { type: 'application/pdf', build: attendanceSheetPdf },
	'usulan.csv': { type: 'text/csv; charset=utf-8', build: proposalsCsv },
	'usulan.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', build: proposalsXlsx },
	'rencana.csv': { type: 'text/csv; charset=utf-8', build: planCsv }
};

/** Downloads for the workshop's members: minutes, proposals, plan. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const file = FILES[params.file];
	if (!file) error(404, 'Not found');
	// The QR in a document's footer must lead phones to the follow-up page, never to localhost.
	const body = await file.build(workshop.id, { origin: publicOrigin(url) });
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${params.file}"` }
	});
};
