import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { findBoard, getControlState } from '$lib/boards/boards.server';
import { authorNamesFor } from '$lib/boards/authorship.server';
import { can } from '$lib/orgs/roles';
import { requireUser } from '$lib/server/guards';
import { publicOrigin } from '$lib/server/venue';
import type { PageServerLoad } from './$types';

/** The projector: read-only (its socket is opened with mode=view), large, live. */
export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:authors');
	const { workshop, role } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.view');
	const board = await findBoard(params.boardId);
	if (!board || board.workshopId !== workshop.id) error(404, 'Not found');
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode },
		board: { id: board.id, title: board.title },
		control: await getControlState(workshop.id),
		// The whole room sees this screen: names only while shown, never children's pseudonyms.
		authors: await authorNamesFor(board.id, {
			mayEdit: can(role, 'board.edit'),
			hideAuthors: board.hideAuthors,
			projector: true
		}),
		joinUrl,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1 })
	};
};
