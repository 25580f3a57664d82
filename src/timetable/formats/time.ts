import { TimetableError } from "../errors.js";

/** Seconds in a day; GTFS times may exceed it for trips that run past midnight. */
export const DAY_SECS = 86_400;

const TIME_RE = /^(\d{1,3}):(\d{2}):(\d{2})$/;

/**
 * Parses a GTFS time `H:MM:SS` or `HH:MM:SS` into seconds after the service day's noon minus 12 h.
 * Hours may exceed 23 (overnight trips, e.g. `25:10:00` = 90,600 s). Returns `-1` when malformed
 * (minutes or seconds ≥ 60, missing fields); callers turn that into a validation problem.
 */
export function parseGtfsTime(text: string): number {
  // Fast path for the common `HH:MM:SS` / `H:MM:SS` without spaces; the regex handles the rest.
  const n = text.length;
  if ((n === 8 || n === 7) && text.charCodeAt(n - 3) === 58 && text.charCodeAt(n - 6) === 58) {
    let h = 0;
    let ok = true;
    for (let i = 0; i < n - 6; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) ok = false;
      h = h * 10 + c;
    }
    const m1 = text.charCodeAt(n - 5) - 48;
    const m2 = text.charCodeAt(n - 4) - 48;
    const s1 = text.charCodeAt(n - 2) - 48;
    const s2 = text.charCodeAt(n - 1) - 48;
    if (ok && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9 && s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9) {
      return h * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2;
    }
  }
  const m = TIME_RE.exec(text.trim());
  if (m === null) return -1;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3]);
  if (min > 59 || s > 59) return -1;
  return h * 3600 + min * 60 + s;
}

/** Formats seconds as `HH:MM:SS` (hours may exceed 23; negative values get a leading `-`). */
export function formatSecs(secs: number): string {
  if (!Number.isFinite(secs)) return String(secs);
  const sign = secs < 0 ? "-" : "";
  let s = Math.abs(Math.round(secs));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/**
 * Parses a `YYYYMMDD` date into a UTC day number (days since 1970-01-01) and its weekday
 * (0 = Monday … 6 = Sunday, GTFS column order). Throws `TimetableError` naming `argName` when invalid.
 */
export function parseServiceDate(text: string, argName = "serviceDate"): { day: number; weekday: number } {
  const d = parseYyyymmdd(text);
  if (d === undefined) {
    throw new TimetableError(`${argName} ${JSON.stringify(text)} is not a date; give YYYYMMDD, e.g. "20240315"`);
  }
  return d;
}

/** Like `parseServiceDate` but returns `undefined` for invalid input. */
export function parseYyyymmdd(text: string): { day: number; weekday: number } | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const y = Number(text.slice(0, 4));
  const mo = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  const ms = Date.UTC(y, mo - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  const day = Math.round(ms / 86_400_000);
  return { day, weekday: (dt.getUTCDay() + 6) % 7 };
}
