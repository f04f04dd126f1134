/**
 * Co-design templates: the three stages (docs/domain.md) as board layouts of framed sections
 * with prompts, in Indonesian and English. Pure, so the same code seeds a board on the
 * server and previews it on a page. A facilitator edits frames on the board afterwards.
 */
import * as Y from 'yjs';
import { addFrame, addNote, readBoard, type FrameRole, type Pictogram } from '$lib/boards/model';

export type Locale = 'id' | 'en';
export type Stage = 'discovery' | 'prototyping' | 'evaluation';
export const STAGES: readonly Stage[] = ['discovery', 'prototyping', 'evaluation'];

type Text = Record<Locale, string>;
export type TemplateFrame = { role: FrameRole; title: Text; prompt: Text; pictogram: Pictogram | null };
export type Template = { key: string; stage: Stage; title: Text; minutes: number; frames: TemplateFrame[] };

const f = (
	role: FrameRole,
	pictogram: Pictogram | null,
	idTitle: string,
	enTitle: string,
	idPrompt: string,
	enPrompt: string
): TemplateFrame => ({
	role,
	pictogram,
	title: { id: idTitle, en: enTitle },
	prompt: { id: idPrompt, en: enPrompt }
});

export const DEFAULT_TEMPLATES: readonly Template[] = [
	{
		key: 'discovery',
		stage: 'discovery',
		minutes: 45,
		title: { id: 'Menggali masalah dan wawasan', en: 'Discovery and insight' },
		frames: [
			f(
				'prompt',
				'problem',
				'Pohon masalah',
				'Problem tree',
				'Apa masalahnya? Apa penyebabnya, dan apa akibatnya?',
				'What is the problem? What causes it, and what does it lead to?'
			),
			f(
				'prompt',
				'home',
				'Sehari dalam hidup mereka',
				'A day in their life',
				'Apa yang terjadi sekarang pada kelompok sasaran? Di mana layanan gagal?',
				'What happens now to the target group? Where does the service fail?'
			),
			f(
				'prompt',
				'safety',
				'Hambatan',
				'Barriers',
				'Apa yang menghalangi orang mendapat bantuan?',
				'What stops people from getting help?'
			),
			f(
				'prompt',
				'idea',
				'Apa yang harus berubah',
				'What must change',
				'Apa yang perlu berbeda?',
				'What needs to be different?'
			),
			f(
				'prompt',
				'heart',
				'Hasil yang diinginkan',
				'Desired outcomes',
				'Seperti apa keberhasilan bagi anak, perempuan, dan warga?',
				'What does success look like for children, women and residents?'
			),
			f(
				'prompt',
				'school',
				'Praktik baik di tempat lain',
				'Good practice elsewhere',
				'Apa yang sudah berhasil di kelurahan atau daerah lain?',
				'What has worked in other kelurahan or places?'
			),
			f(
				'hmw',
				'idea',
				'Bagaimana jika kita…?',
				'How might we…?',
				'Tulis pertanyaan "Bagaimana jika kita …?" dari temuan di atas.',
				'Write "How might we …?" questions from what you found above.'
			)
		]
	},
	{
		key: 'prototyping',
		stage: 'prototyping',
		minutes: 60,
		title: { id: 'Membuat purwarupa', en: 'Prototyping' },
		frames: [
			f(
				'canvas',
				'heart',
				'Untuk siapa',
				'Who it serves',
				'Siapa yang dilayani? Siapa yang sering terlewat?',
				'Who does it serve? Who is often missed?'
			),
			f(
				'canvas',
				'idea',
				'Langkah demi langkah',
				'Step by step',
				'Apa yang terjadi, langkah demi langkah?',
				'What happens, step by step?'
			),
			f(
				'canvas',
				'home',
				'Siapa melakukan apa',
				'Who does what',
				'Peran pemerintah, warga, LSM, dan mitra swasta.',
				'The roles of government, community, NGO and private partners.'
			),
			f(
				'canvas',
				'school',
				'Sumber daya',
				'Resources needed',
				'Uang, orang, tempat, dan bantuan barang (swadaya).',
				'Money, people, places and in-kind help (swadaya).'
			),
			f(
				'canvas',
				'safety',
				'Risiko dan pengaman',
				'Risks and safeguards',
				'Apa yang bisa salah, dan bagaimana melindungi anak dan penyintas?',
				'What could go wrong, and how do we protect children and survivors?'
			),
			f(
				'canvas',
				'play',
				'Uji coba kecil pertama',
				'The first small test',
				'Uji coba apa yang bisa dimulai bulan ini?',
				'What small test can start this month?'
			)
		]
	},
	{
		key: 'evaluation',
		stage: 'evaluation',
		minutes: 45,
		title: { id: 'Menilai dan memperluas', en: 'Evaluate and scale' },
		frames: [
			f(
				'prompt',
				'idea',
				'Rencana uji',
				'Test plan',
				'Apa yang diuji, di mana, bersama siapa, berapa lama?',
				'What is tested, where, with whom, for how long?'
			),
			f('prompt', 'heart', 'Berhasil', 'Works', 'Apa yang berjalan baik?', 'What worked well?'),
			f('prompt', 'problem', 'Perlu diubah', 'Change', 'Apa yang perlu diubah?', 'What should change?'),
			f('prompt', 'school', 'Pertanyaan', 'Questions', 'Apa yang masih kita tanyakan?', 'What are we still asking?'),
			f('prompt', 'play', 'Ide baru', 'New ideas', 'Ide baru apa yang muncul?', 'What new ideas came up?'),
			f(
				'prompt',
				'health',
				'Bukti yang dilihat',
				'Evidence seen',
				'Apa yang kita lihat atau dengar sebagai bukti?',
				'What did we see or hear as evidence?'
			),
			f(
				'decision',
				'safety',
				'Keputusan',
				'Decision',
				'Terapkan, sesuaikan, hentikan, atau perluas (ke kelurahan atau kelompok mana)?',
				'Adopt, adapt, drop or scale (to which kelurahan or group)?'
			)
		]
	}
];

export const FRAME_W = 380;
export const FRAME_H = 320;

/** Lays a template's frames out on a board in a grid of three columns. */
export function applyTemplate(
	doc: Y.Doc,
	template: Pick<Template, 'frames'>,
	locale: Locale,
	origin?: unknown
): string[] {
	const ids: string[] = [];
	doc.transact(() => {
		template.frames.forEach((frame, i) => {
			ids.push(
				addFrame(doc, {
					title: frame.title[locale],
					prompt: frame.prompt[locale],
					pictogram: frame.pictogram,
					role: frame.role,
					x: 20 + (i % 3) * (FRAME_W + 20),
					y: 20 + Math.floor(i / 3) * (FRAME_H + 20),
					w: FRAME_W,
					h: FRAME_H
				})
			);
		});
	}, origin);
	return ids;
}

/**
 * A board's frames as a template (the organisation's library). Frames keep their role;
 * notes are not copied: a template is the questions, not the answers.
 */
export function templateFromBoard(doc: Y.Doc, locale: Locale): Pick<Template, 'frames'> {
	return {
		frames: readBoard(doc).frames.map((frame) => {
			// A saved template is in the language it was written in; both keys carry it.
			const text = (s: string): Text => ({ id: s, en: s, [locale]: s }) as Text;
			return { role: frame.role, title: text(frame.title), prompt: text(frame.prompt), pictogram: frame.pictogram };
		})
	};
}

/**
 * Copies a prototype board (frames and their notes) into another board: the next
 * iteration. Returns the new id of each copied note (old id -> new id), so the server
 * can copy who wrote them (authors are not in the document).
 */
export function copyCanvas(from: Y.Doc, to: Y.Doc, origin?: unknown): Map<string, string> {
	const view = readBoard(from);
	const noteIds = new Map<string, string>();
	to.transact(() => {
		const frameIds = new Map<string, string>();
		for (const frame of view.frames) {
			const { id, ...rest } = frame;
			frameIds.set(id, addFrame(to, rest));
		}
		for (const note of view.notes) {
			const id = addNote(to, {
				text: note.text,
				colour: note.colour,
				pictogram: note.pictogram,
				x: note.x,
				y: note.y,
				frameId: note.frameId ? (frameIds.get(note.frameId) ?? null) : null
			});
			noteIds.set(note.id, id);
		}
	}, origin);
	return noteIds;
}
