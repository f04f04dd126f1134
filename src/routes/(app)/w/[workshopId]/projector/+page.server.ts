import QRCode from 'qrcode';
import { workshopAccess } from '$lib/workshops/access.server';
import { getControlState } from '$lib/boards/boards.server';
import { publicOrigin } from '$lib/server/venue';
import type { PageServerLoad } from './$types';

/**
 * The workshop's projector: the join slide (huge code, QR, address) or the break screen,
 * and from here the wall follows the conductor to a board, a ballot or the results.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const origin = publicOrigin(url);
	const joinUrl = `${origin}/j/${workshop.joinCode}`;
	return {
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode, status: workshop.status },
		control: await getControlState(workshop.id),
		joinUrl,
		// The address people type: the host without the scheme, e.g. 192.168.1.5:3000/join.
		joinAddress: `${origin.replace(/^https?:\/\//, '')}/join`,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
	};
};
