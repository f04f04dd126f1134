import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { findBoard, getControlState } from '$lib/boards/boards.server';
import { requireUser } from '$lib/server/guards';
import { publicOrigin } from '$lib/server/venue';
import type { PageServerLoad } from './$types';

/** The projector: read-only (its socket is opened with mode=view), large, live. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.id, 'workshop.view');
	const board = await findBoard(params.boardId);
	if (!board || board.workshopId !== workshop.id) error(404, 'Not found');
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode },
		board: { id: board.id, title: board.title },
		control: await getControlState(workshop.id),
		joinUrl,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1 })
	};
};
