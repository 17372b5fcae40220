// The registry's own rules: one name and one route per operation, path segments that are
// input fields, and counter operations that cannot run without naming their counter; and the
// docs and the citizens' side following it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { httpOperationNames, httpRoute, operationNames, operations } from '@protocol/api';
import { commands } from '@protocol/commands';
import { paramsOf, pathParams } from '@protocol/operation';
import { bindsStaffToTheirCounter, isAllowed, permissions, roles } from '@protocol/permissions';
import { queries } from '@protocol/queries';

describe('the operation registry', () => {
  it('names every operation domain:verb, once', () => {
    for (const name of operationNames) expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
    expect(Object.keys(commands).filter((n) => n in queries)).toEqual([]);
    expect(operationNames).toHaveLength(Object.keys(commands).length + Object.keys(queries).length);
  });

  it('gives each HTTP route to one operation', () => {
    const routes = httpOperationNames.map((n) => `${httpRoute(n).method} ${httpRoute(n).path.replace(/:[a-zA-Z]+/g, ':')}`);
    expect(routes.filter((r, i) => routes.indexOf(r) !== i)).toEqual([]);
  });

  it('reads every path segment as a field of the input', () => {
    for (const name of httpOperationNames) {
      const shape = (operations[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const param of paramsOf(httpRoute(name).path)) {
        expect(pathParams, `${name}: :${param}`).toHaveProperty(param);
        expect(shape, `${name}: :${param}`).toHaveProperty(param);
      }
    }
  });

  it('names only permissions the table has', () => {
    for (const name of operationNames) expect(permissions).toHaveProperty(operations[name].permission);
  });

  it('refuses a counter operation that does not name its counter by number', () => {
    const atCounter = operationNames.filter((n) => bindsStaffToTheirCounter(operations[n].permission));
    expect(atCounter.length).toBeGreaterThan(5);
    for (const name of atCounter) {
      for (const counterId of [undefined, '6', 6.5, null]) {
        expect(operations[name].input.safeParse({ counterId, label: '1001', reason: 'x', toServiceId: 'ho-tich' }).success, `${name} ${counterId}`).toBe(false);
      }
    }
  });
});

describe('what the registry says elsewhere', () => {
  const norm = (path: string) => path.replace(/:[A-Za-z]+/g, ':');
  const routeOf = (name: (typeof httpOperationNames)[number]) => `${httpRoute(name).method} ${norm(`/api${httpRoute(name).path}`)}`;

  it('docs/api.md lists every HTTP route of the centre, and no route the registry does not have', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/api.md', import.meta.url)), 'utf8');
    const centre = doc.slice(0, doc.indexOf('## The city server'));
    const documented = new Set([...centre.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^\s`?[]+)/g)].map((m) => `${m[1]} ${norm(m[2])}`));
    const registered = httpOperationNames.map(routeOf);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((d) => !registered.includes(d))).toEqual([]);
  });

  it('serves on the citizens’ side only what a phone or a hall device may call, and what the hall needs', () => {
    const hall = httpOperationNames.filter((n) => httpRoute(n).hall);
    for (const name of hall) expect(roles.some((r) => r !== 'staff' && r !== 'guide' && r !== 'manager' && isAllowed(r, operations[name].permission)), name).toBe(true);
    expect(hall).toEqual(expect.arrayContaining(['health:read', 'ticket:watch', 'ticket:rate', 'device:pair', 'state:read', 'config:read', 'procedures:search', 'voice:call', 'voice:chime']));
    expect(hall).not.toContain('auth:login');
  });
});
