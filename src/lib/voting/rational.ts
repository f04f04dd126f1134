/**
 * Exact rational numbers on BigInt, always in lowest terms with a positive denominator.
 * Money in the counting rules is never a float (docs/counting.md). A few dozen lines of our own
 * rather than a library: the Method of Equal Shares compares budgets in its innermost
 * loop, and here a comparison is three BigInt multiplications with no allocation.
 */
export class Q {
	readonly n: bigint;
	readonly d: bigint;
	// Plain fields (not parameter properties): the tally CLI runs this file under Node's type stripping.
	private constructor(n: bigint, d: bigint) {
		this.n = n;
		this.d = d;
	}

	static of(n: bigint | number, d: bigint | number = 1n): Q {
		let num = BigInt(n);
		let den = BigInt(d);
		if (den === 0n) throw new RangeError('Division by zero');
		if (den < 0n) {
			num = -num;
			den = -den;
		}
		const g = gcd(num < 0n ? -num : num, den);
		return g === 1n ? new Q(num, den) : new Q(num / g, den / g);
	}

	static readonly ZERO = new Q(0n, 1n);

	add(o: Q): Q {
		return this.d === o.d ? Q.of(this.n + o.n, this.d) : Q.of(this.n * o.d + o.n * this.d, this.d * o.d);
	}
	sub(o: Q): Q {
		return this.d === o.d ? Q.of(this.n - o.n, this.d) : Q.of(this.n * o.d - o.n * this.d, this.d * o.d);
	}
	mul(o: Q): Q {
		return Q.of(this.n * o.n, this.d * o.d);
	}
	mulInt(k: bigint): Q {
		return Q.of(this.n * k, this.d);
	}
	div(o: Q): Q {
		return Q.of(this.n * o.d, this.d * o.n);
	}
	cmp(o: Q): number {
		const a = this.n * o.d;
		const b = o.n * this.d;
		return a < b ? -1 : a > b ? 1 : 0;
	}
	/** Compares this * k with o, without building the product. */
	cmpScaled(k: bigint, o: Q): number {
		const a = this.n * k * o.d;
		const b = o.n * this.d;
		return a < b ? -1 : a > b ? 1 : 0;
	}
	isZero(): boolean {
		return this.n === 0n;
	}
	/** Rounded down to an integer (for display in whole Rupiah). */
	floor(): bigint {
		const q = this.n / this.d;
		return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
	}
	toString(): string {
		return this.d === 1n ? `${this.n}` : `${this.n}/${this.d}`;
	}
}

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a === 0n ? 1n : a;
}

export const min = (a: Q, b: Q) => (a.cmp(b) <= 0 ? a : b);
