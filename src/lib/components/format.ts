/** "Rp 15.000.000": whole Rupiah in the Indonesian way, from a bigint, number or string. */
export function rupiah(value: bigint | number | string): string {
	const digits = BigInt(value).toString();
	return `Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
