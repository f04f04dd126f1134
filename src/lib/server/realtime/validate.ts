/**
 * Checks a client's document update before it touches a room's Y.Doc.
 *
 * Yjs trusts its input: a zero-length struct or delete range integrates silently and
 * later makes the whole document unloadable ("Unexpected case"), a value nested
 * thousands deep overflows the stack while the update event is encoded, and a chain of
 * nested types does the same when it is deleted. Boards never need any of that (a
 * note is a map inside a root map holding plain values), so an update is decoded
 * first and refused when it leaves these bounds. Anything that still throws while it
 * integrates is rolled back by the room (see room.ts), so this check is the cheap
 * first line, not the only one.
 */
import * as Y from 'yjs';

export type UpdateBounds = {
	/** Types inside types, counted from a root type (a note map inside `notes` is 1). */
	maxTypeDepth: number;
	/** Arrays and objects inside a plain value. */
	maxValueDepth: number;
	/** Characters of one string content, bytes of one binary content. */
	maxContentLength: number;
	/** Characters of a map key or a root type's name. */
	maxKeyLength: number;
};

export const DEFAULT_BOUNDS: UpdateBounds = {
	maxTypeDepth: 8,
	maxValueDepth: 16,
	maxContentLength: 256 * 1024,
	maxKeyLength: 256
};

/** Clocks and lengths above this are never produced by an honest client. */
const MAX_CLOCK = 2 ** 31;

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = { clients: Map<number, { clock: number; len: number }[]> };

/** Returns why the update is refused, or null when it may be applied. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, bounds: UpdateBounds = DEFAULT_BOUNDS): string | null {
	let decoded: { structs: Struct[]; ds: DeleteSet };
	try {
		decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
	} catch {
		// Includes stack overflows from values nested too deep to decode.
		return 'undecodable update';
	}
	for (const [, ranges] of decoded.ds.clients) {
		for (const range of ranges) {
			if (!(range.len > 0) || range.clock + range.len > MAX_CLOCK) return 'bad delete range';
		}
	}
	const levels = new TypeLevels(doc, decoded.structs, bounds.maxTypeDepth);
	for (const struct of decoded.structs) {
		if (!(struct.length > 0) || struct.id.clock + struct.length > MAX_CLOCK) return 'bad struct length';
		if (!(struct instanceof Y.Item)) continue;
		const reason = checkContent(struct, bounds);
		if (reason) return reason;
		const parent = struct.parent as unknown; // decoded: a root name, an ID or null
		if (typeof parent === 'string' && parent.length > bounds.maxKeyLength) return 'root name too long';
		if (struct.parentSub !== null && struct.parentSub.length > bounds.maxKeyLength) return 'key too long';
		if (struct.content instanceof Y.ContentType) {
			const level = levels.of(struct);
			if (level === null) return 'type with unknown parent';
			if (level > bounds.maxTypeDepth) return 'types nested too deep';
		}
	}
	return null;
}

function checkContent(item: Y.Item, bounds: UpdateBounds): string | null {
	const content = item.content as unknown;
	if (content instanceof Y.ContentDoc) return 'sub-documents are not allowed';
	if (content instanceof Y.ContentString)
		return content.str.length > bounds.maxContentLength ? 'string too long' : null;
	if (content instanceof Y.ContentBinary)
		return content.content.length > bounds.maxContentLength ? 'binary too long' : null;
	let values: unknown[] = [];
	if (content instanceof Y.ContentAny) values = content.arr;
	else if (content instanceof Y.ContentJSON) values = content.arr;
	else if (content instanceof Y.ContentEmbed) values = [content.embed];
	else if (content instanceof Y.ContentFormat) values = [content.value];
	for (const value of values) if (!withinDepth(value, bounds.maxValueDepth)) return 'value nested too deep';
	return null;
}

function withinDepth(value: unknown, remaining: number): boolean {
	if (value === null || typeof value !== 'object') return true;
	if (remaining <= 0) return false;
	const children = Array.isArray(value) ? value : Object.values(value as object);
	return children.every((child) => withinDepth(child, remaining - 1));
}

/**
 * How deep each type in an update would sit: 1 for a type whose parent is a root type,
 * one more per enclosing type. Parents are found in the update itself or in the room's
 * document; a type whose parent is in neither (a missing dependency) has no level.
 */
class TypeLevels {
	private readonly byClient = new Map<number, Y.Item[]>();
	private readonly memo = new Map<Y.Item, number | null>();
	private readonly doc: Y.Doc;
	private readonly max: number;

	// Plain fields, not parameter properties: the benchmark runs this file under Node's type stripping.
	constructor(doc: Y.Doc, structs: Struct[], max: number) {
		this.doc = doc;
		this.max = max;
		for (const struct of structs) {
			if (!(struct instanceof Y.Item)) continue;
			const list = this.byClient.get(struct.id.client) ?? [];
			list.push(struct);
			this.byClient.set(struct.id.client, list);
		}
	}

	/** Level of the type an item lives in, plus one: the level of a type it holds. */
	of(item: Y.Item, seen = 0): number | null {
		if (this.memo.has(item)) return this.memo.get(item)!;
		if (seen > this.max + 2) return null; // a reference cycle or a chain too long to matter
		let level: number | null;
		const parent = item.parent as unknown;
		if (typeof parent === 'string') level = 1;
		else if (parent instanceof Y.ID) level = this.levelOfId(parent, seen);
		else {
			// No parent written: it is the parent of the item's left or right origin.
			const neighbour = item.origin ?? item.rightOrigin;
			const found = neighbour ? this.findInUpdate(neighbour) : null;
			if (found) level = this.of(found, seen + 1);
			else if (neighbour) level = this.docLevel(neighbour, true);
			else level = null;
		}
		this.memo.set(item, level);
		return level;
	}

	/** Level inside the type held by the item with this id. */
	private levelOfId(id: Y.ID, seen: number): number | null {
		const found = this.findInUpdate(id);
		if (found) {
			const level = this.of(found, seen + 1);
			return level === null ? null : level + 1;
		}
		return this.docLevel(id, false);
	}

	private docLevel(id: Y.ID, sibling: boolean): number | null {
		if (Y.getState(this.doc.store, id.client) <= id.clock) return null;
		let struct: Y.Item | Y.GC;
		try {
			struct = Y.getItem(this.doc.store, id);
		} catch {
			return null;
		}
		if (!(struct instanceof Y.Item)) return sibling ? null : this.max + 1; // collected: refuse
		// The item's own level: 1 plus the types above it (a root type does not count).
		let level = 1;
		let type = struct.parent as Y.AbstractType<unknown> | null;
		while (type && type._item && level <= this.max + 1) {
			level++;
			type = type._item.parent as Y.AbstractType<unknown> | null;
		}
		// A sibling shares the item's level; a child sits one deeper.
		return sibling ? level : level + 1;
	}

	private findInUpdate(id: Y.ID): Y.Item | null {
		const list = this.byClient.get(id.client);
		if (!list) return null;
		for (const item of list) if (item.id.clock <= id.clock && id.clock < item.id.clock + item.length) return item;
		return null;
	}
}
