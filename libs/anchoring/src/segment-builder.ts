/**
 * Equal segments of two texts: old[oldStarts[i] .. +lengths[i]) === new[newStarts[i] .. +lengths[i]).
 */
export interface EqualSegments {
  readonly oldStarts: Int32Array;
  readonly newStarts: Int32Array;
  readonly lengths: Int32Array;
}

/** Collects segments in increasing old order, merging those contiguous in both texts. */
export class SegmentBuilder {
  private readonly olds: number[] = [];
  private readonly news: number[] = [];
  private readonly lens: number[] = [];

  push(oldStart: number, newStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.lens.length - 1;
    if (last >= 0 && this.olds[last] + this.lens[last] === oldStart && this.news[last] + this.lens[last] === newStart) {
      this.lens[last] += length;
      return;
    }
    this.olds.push(oldStart);
    this.news.push(newStart);
    this.lens.push(length);
  }

  /** Appends the segments of another list (which must continue in increasing old order). */
  append(segments: EqualSegments): void {
    for (let k = 0; k < segments.lengths.length; k++)
      this.push(segments.oldStarts[k], segments.newStarts[k], segments.lengths[k]);
  }

  build(): EqualSegments {
    return {
      oldStarts: Int32Array.from(this.olds),
      newStarts: Int32Array.from(this.news),
      lengths: Int32Array.from(this.lens),
    };
  }
}
