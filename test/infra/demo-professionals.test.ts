import { describe, expect, it } from 'vitest';
import { cityConfig, cityIds } from '../../infra/cities.ts';
import { demoProfessionals } from '../../infra/local/web.ts';

/** The local sign-in's demo professionals (web.md "sign-in page"): a newcomer tells them apart by name (issue 26). */
describe('the demo professionals', () => {
  it.each(cityIds)('of %s: one per role and team, each with a name no other has', (id) => {
    const people = demoProfessionals(cityConfig(id));
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
  });
});
