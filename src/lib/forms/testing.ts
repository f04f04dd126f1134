/** For specs: a FormData from name/value pairs, in order (a repeated name is a repeated field). */
export function formDataOf(entries: [string, string | Blob][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}
