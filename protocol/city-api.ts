// What the city managers' app asks of the city server (city-server/), as a registry of the
// same shape as the centre's (protocol/api.ts), so the app's client is typed by it. The city
// server authorises its own way: 'city.manage' is a city manager's session; the centres'
// own calls (ingest, catalogue file) are not part of this app's registry.
import { z } from 'zod';
import type { ImportResult } from './catalogue';
import { newCentreSchema, type CityCatalogueHead, type CityCentre, type CityReport, type CityToday, type NewCentreToken } from './city';
import { fileDownload, returns, type Operation } from './operation';

const nothing = z.object({});
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const range = z.object({ from: isoDay, to: isoDay });
const centreRef = z.strictObject({ id: z.string().min(1).max(48) });

export const cityOperations = {
  'city-session:read': { input: nothing, result: returns<{ id: string; name: string }>(), permission: 'city.manage', http: { method: 'GET', path: '/auth/me' } },
  'city-session:end': { input: z.strictObject({}), result: returns<{ ok: true }>(), permission: 'city.manage', http: { method: 'POST', path: '/auth/logout' } },
  'city-today:read': { input: nothing, result: returns<CityToday>(), permission: 'city.manage', http: { method: 'GET', path: '/city/today' } },
  'city-reports:period': { input: range, result: returns<CityReport>(), permission: 'city.manage', http: { method: 'GET', path: '/city/reports' } },
  'city-reports:xlsx': { input: range, result: fileDownload, permission: 'city.manage', http: { method: 'GET', path: '/city/reports/export.xlsx' } },
  'city-centres:list': { input: nothing, result: returns<CityCentre[]>(), permission: 'city.manage', http: { method: 'GET', path: '/city/centres' } },
  'city-centre:register': { input: newCentreSchema, result: returns<NewCentreToken>(), permission: 'city.manage', http: { method: 'POST', path: '/city/centres' } },
  'city-centre:reissue-token': { input: centreRef, result: returns<NewCentreToken>(), permission: 'city.manage', http: { method: 'POST', path: '/city/centres/:id/token' } },
  'city-centre:revoke': { input: centreRef, result: returns<{ ok: true }>(), permission: 'city.manage', http: { method: 'POST', path: '/city/centres/:id/revoke' } },
  'city-catalogue:read': { input: nothing, result: returns<{ head: CityCatalogueHead | null }>(), permission: 'city.manage', http: { method: 'GET', path: '/city/catalogue' } },
  'city-catalogue:import': {
    input: z.object({ filename: z.string().max(200) }),
    result: returns<ImportResult>(),
    permission: 'city.manage',
    http: { method: 'POST', path: '/city/catalogue/import', fileBody: { maxBytes: 10 * 1024 * 1024 }, notOkStatus: 422 },
  },
} as const satisfies Record<string, Operation<z.ZodType, unknown, 'city.manage'>>;

export type CityOperations = typeof cityOperations;
