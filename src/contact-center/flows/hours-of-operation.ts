/**
 * CheckHoursOfOperation: is a moment inside configured hours, in the hours' own time zone?
 * As in Connect, an entry whose end equals its start is open all day, and an end before the start
 * runs past midnight into the next day.
 */
import type { HoursOfOperationSetup } from '../routing/center-directory';

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`invalid time "${hhmm}" (expected HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The weekday (SUNDAY…) and minute of the day of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: string; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: get('weekday').toUpperCase(),
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** True when `at` falls inside the hours. Throws on an unknown time zone or a malformed time. */
export function isWithinHours(hours: HoursOfOperationSetup, at: Date): boolean {
  const { day, minute } = localTime(at, hours.timeZone);
  const previousDay = DAYS[(DAYS.indexOf(day) + 6) % 7];
  for (const entry of hours.config) {
    const start = minutes(entry.start);
    const end = entry.end === '24:00' ? 1440 : minutes(entry.end);
    const entryDay = entry.day.toUpperCase();
    if (entryDay === day) {
      if (start === end) return true;
      if (end > start && minute >= start && minute < end) return true;
      if (end < start && minute >= start) return true;
    }
    if (entryDay === previousDay && end < start && minute < end) return true;
  }
  return false;
}
