/** The nine IKM elements' names, questions and answer labels (regulation wording), as message functions. */
import { m } from '$lib/paraglide/messages.js';

type Message = () => string;

export type ElementText = {
	element: number;
	name: Message;
	question: Message;
	answers: readonly [Message, Message, Message, Message];
};

export const ELEMENT_TEXTS: readonly ElementText[] = [
	{
		element: 1,
		name: m.ikm_u1_name,
		question: m.ikm_u1_question,
		answers: [m.ikm_u1_a1, m.ikm_u1_a2, m.ikm_u1_a3, m.ikm_u1_a4]
	},
	{
		element: 2,
		name: m.ikm_u2_name,
		question: m.ikm_u2_question,
		answers: [m.ikm_u2_a1, m.ikm_u2_a2, m.ikm_u2_a3, m.ikm_u2_a4]
	},
	{
		element: 3,
		name: m.ikm_u3_name,
		question: m.ikm_u3_question,
		answers: [m.ikm_u3_a1, m.ikm_u3_a2, m.ikm_u3_a3, m.ikm_u3_a4]
	},
	{
		element: 4,
		name: m.ikm_u4_name,
		question: m.ikm_u4_question,
		answers: [m.ikm_u4_a1, m.ikm_u4_a2, m.ikm_u4_a3, m.ikm_u4_a4]
	},
	{
		element: 5,
		name: m.ikm_u5_name,
		question: m.ikm_u5_question,
		answers: [m.ikm_u5_a1, m.ikm_u5_a2, m.ikm_u5_a3, m.ikm_u5_a4]
	},
	{
		element: 6,
		name: m.ikm_u6_name,
		question: m.ikm_u6_question,
		answers: [m.ikm_u6_a1, m.ikm_u6_a2, m.ikm_u6_a3, m.ikm_u6_a4]
	},
	{
		element: 7,
		name: m.ikm_u7_name,
		question: m.ikm_u7_question,
		answers: [m.ikm_u7_a1, m.ikm_u7_a2, m.ikm_u7_a3, m.ikm_u7_a4]
	},
	{
		element: 8,
		name: m.ikm_u8_name,
		question: m.ikm_u8_question,
		answers: [m.ikm_u8_a1, m.ikm_u8_a2, m.ikm_u8_a3, m.ikm_u8_a4]
	},
	{
		element: 9,
		name: m.ikm_u9_name,
		question: m.ikm_u9_question,
		answers: [m.ikm_u9_a1, m.ikm_u9_a2, m.ikm_u9_a3, m.ikm_u9_a4]
	}
];

/** A face for each point of the scale, shown next to its words (1 = worst … 4 = best). */
export const SCALE_FACES = ['😞', '🙁', '🙂', '😄'] as const;

const CATEGORY: Record<string, Message> = {
	A: m.ikm_category_a,
	B: m.ikm_category_b,
	C: m.ikm_category_c,
	D: m.ikm_category_d
};
export const categoryLabel = (category: string) => CATEGORY[category]?.() ?? category;

const STATUS: Record<string, Message> = {
	draft: m.ikm_status_draft,
	open: m.ikm_status_open,
	closed: m.ikm_status_closed
};
export const surveyStatusLabel = (status: string) => STATUS[status]?.() ?? status;
