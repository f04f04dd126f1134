/**
 * Database rows to JSON and back without losing types: bigint, Date and bytes are
 * tagged ({"$bigint": "…"}, {"$date": "…"}, {"$bytes": base64}).
 */
export type Row = Record<string, unknown>;

function encode(value: unknown): unknown {
	if (typeof value === 'bigint') return { $bigint: value.toString() };
	if (value instanceof Date) return { $date: value.toISOString() };
	if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
	if (Array.isArray(value)) return value.map(encode);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
	return value;
}

function decode(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(decode);
	if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		const keys = Object.keys(o);
		if (keys.length === 1 && typeof o[keys[0]] === 'string') {
			if (keys[0] === '$bigint') return BigInt(o.$bigint as string);
			if (keys[0] === '$date') return new Date(o.$date as string);
			if (keys[0] === '$bytes') return new Uint8Array(Buffer.from(o.$bytes as string, 'base64'));
		}
		return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
	}
	return value;
}

export function encodeRows<T extends Record<string, Row[]>>(tables: T): Record<string, Row[]> {
	return encode(tables) as Record<string, Row[]>;
}

export function decodeRows(tables: unknown): Record<string, Row[]> {
	return decode(tables) as Record<string, Row[]>;
}
