import type { Timetable } from "./timetable.js";

/** Internal label for "not reached" in the Int32 label arrays (never added to). */
export const UNREACHED = 0x7fffffff;

/** Event kind recorded for journey reconstruction: reached by the access leg from the origin. */
export const EV_ACCESS = 1;
/** Event kind: reached by riding a trip. */
export const EV_RIDE = 2;
/** Event kind: reached by a footpath transfer. */
export const EV_WALK = 3;

/**
 * Departure times of every pattern at every stop, laid out per entry of `tt.stopPatterns`: the
 * departures of pattern `stopPatterns[e]` at position `stopPatternPositions[e]` are
 * `deps[offsets[e] .. offsets[e+1])`, ascending (patterns are FIFO). Lets the skip test in
 * `RaptorEngine.run` binary-search one contiguous block instead of gathering through trip offsets.
 * Built once per timetable (as many values as stop times) and cached.
 */
interface StopPatternDepartures {
  offsets: Int32Array;
  deps: Int32Array;
}

const stopPatternDeparturesCache = new WeakMap<Timetable, StopPatternDepartures>();

function stopPatternDepartures(tt: Timetable): StopPatternDepartures {
  const hit = stopPatternDeparturesCache.get(tt);
  if (hit !== undefined) return hit;
  const m = tt.stopPatterns.length;
  const offsets = new Int32Array(m + 1);
  for (let e = 0; e < m; e++) {
    const r = tt.stopPatterns[e] as number;
    offsets[e + 1] = (offsets[e] as number) + (tt.patternTripOffsets[r + 1] as number) - (tt.patternTripOffsets[r] as number);
  }
  const deps = new Int32Array(offsets[m] as number);
  for (let e = 0; e < m; e++) {
    const r = tt.stopPatterns[e] as number;
    const pos = tt.stopPatternPositions[e] as number;
    let o = offsets[e] as number;
    for (let t = tt.patternTripOffsets[r] as number; t < (tt.patternTripOffsets[r + 1] as number); t++) deps[o++] = tt.departureSecs[(tt.tripTimeOffsets[t] as number) + pos] as number;
  }
  const out = { offsets, deps };
  stopPatternDeparturesCache.set(tt, out);
  return out;
}

/** A stop reachable from the origin (or the destination, for egress) and the time to get there. */
export interface StopSecs {
  /** Stop index in the timetable. */
  readonly stop: number;
  /** Time from the origin to the stop (access) or from the stop to the destination (egress), seconds ≥ 0. */
  readonly secs: number;
}

/**
 * The RAPTOR search state over one timetable, allocated once and reused by every run.
 *
 * Labels have "at most k rides" semantics: `arr[k·n + s]` is the earliest arrival at `s` using ≤ k
 * rides, `board[k·n + s]` the earliest time one can board a vehicle at `s` after ≤ k rides (a ride
 * arrival plus the stop's minimum transfer time, or a walk/access arrival as is). An improvement in
 * round k is copied to rounds k+1…K right away (stopping at the first round already as good), so
 * round k never needs to look at round k−1 explicitly; this keeps labels exact when runs are chained
 * without reset, as range-RAPTOR does.
 *
 * Footpaths are one hop: they are relaxed from access stops (round 0) and from stops reached by a ride
 * in the current round, never from the end of another footpath.
 */
export class RaptorEngine {
  readonly tt: Timetable;
  readonly maxRides: number;
  readonly arr: Int32Array;
  readonly board: Int32Array;
  /** `ride[k·n + s]`: earliest arrival at `s` by a ride with ≤ k rides; footpaths start only from these. */
  readonly ride: Int32Array;
  /** Event id that produced each label, for journeys (−1 = none); only written when `recordEvents`. */
  readonly arrEvent: Int32Array;
  readonly boardEvent: Int32Array;
  recordEvents = true;
  // Growable event store: kind, round, a, b, c, d per event (see `pushEvent`).
  evKind = new Int8Array(1024);
  evRound = new Int8Array(1024);
  evA = new Int32Array(1024);
  evB = new Int32Array(1024);
  evC = new Int32Array(1024);
  evD = new Int32Array(1024);
  evCount = 0;

  private readonly marked: Uint8Array;
  private markedList: Int32Array;
  private markedCount = 0;
  private readonly queuePos: Int32Array;
  /** Board label of each stop marked in the current round before its first improvement there. */
  private readonly oldBoard: Int32Array;
  private readonly spd: StopPatternDepartures;
  /**
   * Skip a pattern at a marked stop when the earliest trip catchable there is the same as with the
   * stop's previous label: that trip was already scanned from this stop in an earlier round or run
   * (every label improvement is scanned in the next round), so rescanning improves nothing. Exact;
   * a switch so tests can compare both settings.
   */
  skipUnchangedBoardings = true;
  private readonly queueList: Int32Array;
  private readonly rideArr: Int32Array;
  private readonly rideEvent: Int32Array;
  private readonly rideList: Int32Array;
  private rideCount = 0;
  /** Called on every arrival improvement with (stop, round); used by range-RAPTOR to collect Pareto entries. */
  onArrivalImproved: ((stop: number, round: number) => void) | undefined;

  constructor(tt: Timetable, maxRides: number) {
    this.tt = tt;
    this.maxRides = maxRides;
    const n = tt.stopCount;
    const size = (maxRides + 1) * n;
    this.arr = new Int32Array(size).fill(UNREACHED);
    this.board = new Int32Array(size).fill(UNREACHED);
    this.ride = new Int32Array(size).fill(UNREACHED);
    this.arrEvent = new Int32Array(size).fill(-1);
    this.boardEvent = new Int32Array(size).fill(-1);
    this.marked = new Uint8Array(n);
    this.markedList = new Int32Array(n);
    this.queuePos = new Int32Array(tt.patternCount).fill(-1);
    this.oldBoard = new Int32Array(n);
    this.spd = stopPatternDepartures(tt);
    this.queueList = new Int32Array(tt.patternCount);
    this.rideArr = new Int32Array(n).fill(UNREACHED);
    this.rideEvent = new Int32Array(n);
    this.rideList = new Int32Array(n);
  }

  /** Clears all labels and events (O(rounds × stops)). */
  reset(): void {
    this.arr.fill(UNREACHED);
    this.board.fill(UNREACHED);
    this.ride.fill(UNREACHED);
    this.arrEvent.fill(-1);
    this.boardEvent.fill(-1);
    this.evCount = 0;
  }

  /** Id of the event recorded by the last successful `offer` (−1 when not recording). */
  private lastEvent = -1;

  private pushEvent(kind: number, round: number, a: number, b: number, c: number, d: number): number {
    if (!this.recordEvents) return (this.lastEvent = -1);
    const i = this.evCount;
    if (i === this.evKind.length) {
      const grow = <T extends Int8Array | Int32Array>(x: T): T => {
        const y = new (x.constructor as new (n: number) => T)(x.length * 2);
        y.set(x);
        return y;
      };
      this.evKind = grow(this.evKind);
      this.evRound = grow(this.evRound);
      this.evA = grow(this.evA);
      this.evB = grow(this.evB);
      this.evC = grow(this.evC);
      this.evD = grow(this.evD);
    }
    this.evKind[i] = kind;
    this.evRound[i] = round;
    this.evA[i] = a;
    this.evB[i] = b;
    this.evC[i] = c;
    this.evD[i] = d;
    this.evCount = i + 1;
    return (this.lastEvent = i);
  }

  /**
   * Offers arrival `t` at `s` in round `k`, boardable from `bt`, a ride arrival when `rt` = `t`
   * (`UNREACHED` for walks and access). Returns a bit set: 1 = arrival improved, 2 = boarding
   * improved, 4 = ride arrival improved. Copies improvements to later rounds.
   */
  private offer(k: number, s: number, t: number, bt: number, rt: number, kind: number, a: number, b: number, c: number, d: number): number {
    const n = this.tt.stopCount;
    const K = this.maxRides;
    const arr = this.arr;
    const board = this.board;
    let res = 0;
    let i = k * n + s;
    // Cheap rejection first: most offers improve nothing, and then no event is recorded.
    if (!(t < (arr[i] as number) || bt < (board[i] as number) || rt < (this.ride[i] as number))) return 0;
    const ev = this.pushEvent(kind, k, a, b, c, d);
    if (t < (arr[i] as number)) {
      res = 1;
      for (let j = k; j <= K && t < (arr[i] as number); j++, i += n) {
        arr[i] = t;
        this.arrEvent[i] = ev;
      }
    }
    i = k * n + s;
    if (bt < (board[i] as number)) {
      res |= 2;
      const before = board[i] as number;
      for (let j = k; j <= K && bt < (board[i] as number); j++, i += n) {
        board[i] = bt;
        this.boardEvent[i] = ev;
      }
      if (this.marked[s] === 0) {
        this.marked[s] = 1;
        this.oldBoard[s] = before;
        this.markedList[this.markedCount++] = s;
      }
    }
    i = k * n + s;
    const ride = this.ride;
    if (rt < (ride[i] as number)) {
      res |= 4;
      for (let j = k; j <= K && rt < (ride[i] as number); j++, i += n) ride[i] = rt;
    }
    if (res & 1 && this.onArrivalImproved !== undefined) this.onArrivalImproved(s, k);
    return res;
  }

  /**
   * One RAPTOR run leaving the origin at `departureSecs`, on top of the current labels (call
   * `reset()` first for an independent query). Access times are added to `departureSecs`.
   */
  run(access: readonly StopSecs[], departureSecs: number): void {
    const tt = this.tt;
    const n = tt.stopCount;
    const K = this.maxRides;
    const mtt = tt.minTransferSecs;
    const fOff = tt.footpathOffsets;
    const fTo = tt.footpathTargets;
    const fSecs = tt.footpathSecs;
    this.markedCount = 0;
    // Round 0: access stops, then one footpath hop from each.
    for (const a of access) {
      const t = departureSecs + a.secs;
      this.offer(0, a.stop, t, t, UNREACHED, EV_ACCESS, a.stop, a.secs, 0, 0);
    }
    for (const a of access) {
      const t = departureSecs + a.secs;
      for (let e = fOff[a.stop] as number, end = fOff[a.stop + 1] as number; e < end; e++) {
        const q = fTo[e] as number;
        const tq = t + (fSecs[e] as number);
        this.offer(0, q, tq, tq, UNREACHED, EV_WALK, -1, a.stop, t, e);
      }
    }
    const pStopOff = tt.patternStopOffsets;
    const pStops = tt.patternStops;
    const pTripOff = tt.patternTripOffsets;
    const tOff = tt.tripTimeOffsets;
    const arrS = tt.arrivalSecs;
    const depS = tt.departureSecs;
    const spOff = tt.stopPatternOffsets;
    const spPat = tt.stopPatterns;
    const spPos = tt.stopPatternPositions;
    const board = this.board;
    const queuePos = this.queuePos;
    const queueList = this.queueList;
    const rideArr = this.rideArr;
    const skip = this.skipUnchangedBoardings;
    const spd = this.spd;
    const spdOff = spd.offsets;
    const spdDeps = spd.deps;
    const oldBoard = this.oldBoard;
    for (let k = 1; k <= K; k++) {
      if (this.markedCount === 0) break;
      // Collect patterns through marked stops with the earliest marked position.
      let qn = 0;
      for (let m = 0; m < this.markedCount; m++) {
        const s = this.markedList[m] as number;
        this.marked[s] = 0;
        const nb = board[(k - 1) * n + s] as number;
        const ob = oldBoard[s] as number;
        for (let e = spOff[s] as number, end = spOff[s + 1] as number; e < end; e++) {
          const r = spPat[e] as number;
          const pos = spPos[e] as number;
          if (skip) {
            if (pos === (pStopOff[r + 1] as number) - (pStopOff[r] as number) - 1) continue;
            let lo = spdOff[e] as number;
            let hi = spdOff[e + 1] as number;
            const last = hi;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if ((spdDeps[mid] as number) >= nb) hi = mid;
              else lo = mid + 1;
            }
            if (lo === last || (spdDeps[lo] as number) >= ob) continue;
          }
          const q = queuePos[r] as number;
          if (q < 0) {
            queuePos[r] = pos;
            queueList[qn++] = r;
          } else if (pos < q) queuePos[r] = pos;
        }
      }
      this.markedCount = 0;
      this.rideCount = 0;
      const prev = (k - 1) * n;
      for (let qi = 0; qi < qn; qi++) {
        const r = queueList[qi] as number;
        const p0 = queuePos[r] as number;
        queuePos[r] = -1;
        const sBase = pStopOff[r] as number;
        const len = (pStopOff[r + 1] as number) - sBase;
        const tripLo = pTripOff[r] as number;
        const tripHi = pTripOff[r + 1] as number;
        let trip = -1;
        let to = 0;
        let boardPos = -1;
        for (let i = p0; i < len; i++) {
          const s = pStops[sBase + i] as number;
          if (trip >= 0) {
            const t = arrS[to + i] as number;
            const bt = t + (mtt[s] as number);
            if (this.offer(k, s, t, bt, t, EV_RIDE, trip, boardPos, i, 0) & 4) {
              if (rideArr[s] === UNREACHED) this.rideList[this.rideCount++] = s;
              rideArr[s] = t;
              this.rideEvent[s] = this.lastEvent;
            }
          }
          const b = board[prev + s] as number;
          if (b === UNREACHED || i === len - 1) continue;
          // Catch an earlier trip if the stop was reached before the current trip leaves it.
          if (trip < 0 || b <= (depS[to + i] as number)) {
            let lo = tripLo;
            let hi = trip < 0 ? tripHi : trip;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if ((depS[(tOff[mid] as number) + i] as number) >= b) hi = mid;
              else lo = mid + 1;
            }
            if (lo < (trip < 0 ? tripHi : trip)) {
              trip = lo;
              to = tOff[lo] as number;
              boardPos = i;
            }
          }
        }
      }
      // Footpaths from stops reached by a ride in this round.
      for (let m = 0; m < this.rideCount; m++) {
        const s = this.rideList[m] as number;
        const t = rideArr[s] as number;
        rideArr[s] = UNREACHED;
        const rev = this.rideEvent[s] as number;
        for (let e = fOff[s] as number, end = fOff[s + 1] as number; e < end; e++) {
          const q = fTo[e] as number;
          const tq = t + (fSecs[e] as number);
          this.offer(k, q, tq, tq, UNREACHED, EV_WALK, rev, s, t, e);
        }
      }
    }
    for (let m = 0; m < this.markedCount; m++) this.marked[this.markedList[m] as number] = 0;
    this.markedCount = 0;
  }
}
