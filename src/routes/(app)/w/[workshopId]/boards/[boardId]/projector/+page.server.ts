import QRCode from 'qrcode';
import { workshopAccess } from '$lib/workshops/access.server';
import { allows } from '$lib/orgs/access.server';
import { getControlState } from '$lib/boards/boards.server';
import { boardAccess } from '$lib/boards/access.server';
import { authorNamesFor } from '$lib/boards/authorship.server';
import { publicOrigin } from '$lib/server/venue';
import type { PageServerLoad } from './$types';

/** The projector: read-only (its socket is opened with mode=view), large, live. */
export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:authors');
	const access = await boardAccess(await workshopAccess(locals, params.workshopId, 'workshop.view'), params.boardId);
	const { workshop, board } = access;
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode },
		board: { id: board.id, title: board.title },
		control: await getControlState(workshop.id),
		// The whole room sees this screen: names only while shown, never children's pseudonyms.
		authors: await authorNamesFor(board.id, {
			mayEdit: allows(access, 'board.edit'),
			hideAuthors: board.hideAuthors,
			projector: true
		}),
		joinUrl,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1 })
	};
};
