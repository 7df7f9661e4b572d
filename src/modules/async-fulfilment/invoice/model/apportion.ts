import { roundHalfAwayFromZero } from "./minor-units"

const stripNoise = (value: number) => Number(value.toPrecision(15))

/**
 * Splits a whole number into whole parts, one per weight: each weight is rounded, then the few
 * parts whose rounding came closest to going the other way move by one until the parts add up
 * to the total (ties: the earlier part moves). So every part is its weight rounded down or up
 * whenever the weights add up to the total give or take one per part, as unrounded amounts do;
 * weights far from the total are scaled to it first. Weights may be negative (a line discounted
 * below zero). Deterministic; all-zero weights spread the total from the first part on.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total)) {
    throw new RangeError(`apportion: the total must be a whole number, got ${total}`)
  }
  if (weights.some((weight) => !Number.isFinite(weight))) {
    throw new RangeError(`apportion: weights must be finite, got ${weights.join(", ")}`)
  }
  const count = weights.length
  if (count === 0) {
    if (total !== 0) {
      throw new RangeError(`apportion: cannot split ${total} over no parts`)
    }
    return []
  }
  const sum = weights.reduce((acc, weight) => acc + weight, 0)
  const shares = sum !== 0 && Math.abs(total - sum) > count ? weights.map((weight) => stripNoise((weight * total) / sum)) : [...weights]
  const parts = shares.map(roundHalfAwayFromZero)
  const gap = total - parts.reduce((acc, part) => acc + part, 0)
  if (gap === 0) {
    return parts
  }
  const direction = Math.sign(gap)
  // the parts rounded furthest away from the direction of the gap move first
  const order = shares
    .map((share, index) => ({ index, leaning: direction * (share - parts[index]) }))
    .sort((a, b) => b.leaning - a.leaning || a.index - b.index)
  const everyPart = Math.trunc(gap / count)
  const movers = new Set(order.slice(0, Math.abs(gap - everyPart * count)).map((entry) => entry.index))
  return parts.map((part, index) => part + everyPart + (movers.has(index) ? direction : 0))
}
