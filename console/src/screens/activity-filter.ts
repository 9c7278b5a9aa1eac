// The Activity tab's filters as the operator types them, and their translation into GET /v1/audit
// parameters. Dates are whole local days: the operator thinks in their own calendar, the API in
// UTC instants, so "from" is the first millisecond of the local day and "to" its last.
import type { AuditAction, AuditQuery } from '../api/types';
import { APP_KEY } from '../sign-in';

export interface ActivityFilter {
  /** A whole appKey, or empty for every key. */
  appKey: string;
  action: AuditAction | '';
  /** `YYYY-MM-DD` from a date input, or empty. */
  fromDate: string;
  toDate: string;
}

export const NO_ACTIVITY_FILTER: ActivityFilter = { appKey: '', action: '', fromDate: '', toDate: '' };

export const isFiltered = (filter: ActivityFilter): boolean =>
  filter.appKey.trim() !== '' || filter.action !== '' || filter.fromDate !== '' || filter.toDate !== '';

export type ActivityQuery =
  { ok: true; query: AuditQuery } | { ok: false; appKeyInvalid: boolean; rangeInvalid: boolean };

/** The API query of a filter, or what is wrong with it: a partial key or a reversed range would only earn a 400. */
export function toAuditQuery(filter: ActivityFilter): ActivityQuery {
  const appKey = filter.appKey.trim();
  const from = filter.fromDate ? startOfLocalDay(filter.fromDate) : undefined;
  const to = filter.toDate ? endOfLocalDay(filter.toDate) : undefined;
  const appKeyInvalid = appKey !== '' && !APP_KEY.test(appKey);
  const rangeInvalid = from !== undefined && to !== undefined && from > to;
  if (appKeyInvalid || rangeInvalid) return { ok: false, appKeyInvalid, rangeInvalid };
  const query: AuditQuery = {};
  if (appKey) query.appKey = appKey;
  if (filter.action) query.action = filter.action;
  if (from) query.from = from;
  if (to) query.to = to;
  return { ok: true, query };
}

function localDay(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month - 1, day];
}

export function startOfLocalDay(date: string): string {
  const [year, month, day] = localDay(date);
  return new Date(year, month, day).toISOString();
}

/** One millisecond before the next local midnight, which is right on days a clock change shortens or lengthens. */
export function endOfLocalDay(date: string): string {
  const [year, month, day] = localDay(date);
  return new Date(new Date(year, month, day + 1).getTime() - 1).toISOString();
}
