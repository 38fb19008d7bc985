import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import { actorInWords, purposeInWords, resourceInWords } from '../../web/src/features/privacy/log-words.ts';
import { t } from '../../web/src/lib/texts.ts';

/** Every route that processes personal data writes a log line (api.md 1.1): its path and purpose are what the line holds. */
const processing = routes.filter((route) => route.processingActivity);
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, '01JXAMPLE0000000000000000');

/**
 * The Privacy screen says each line of the processing log in words (issue 26: "resources in
 * words, never API paths", purposes in Dutch): a route added without its words fails here.
 */
describe('the processing log in words', () => {
  it.each(processing.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: what it processed, in words', (_, route) => {
    const words = resourceInWords(concrete(route.path));
    expect(words).not.toBe(t.privacy.someResource);
    expect(words).not.toContain('/');
  });

  it.each(processing.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: why, in Dutch', (_, route) => {
    expect(t.privacy.purposes[route.purpose ?? route.summary], route.purpose ?? route.summary).toBeDefined();
  });

  it('a journal entry written (its own path) and the break-glass purpose (v1.2) have words too', () => {
    expect(resourceInWords(`/households/${concrete('{id}')}/journal/${concrete('{entryId}')}`)).toBe('een verslag');
    expect(t.privacy.purposes.break_glass).toBeDefined();
  });

  it('a path or purpose it does not know is said in general words, never shown', () => {
    expect(resourceInWords('/households/x/something-new')).toBe(t.privacy.someResource);
    expect(purposeInWords('something new')).toBe(t.privacy.somePurpose);
  });

  it('who: by name from the roster, the doorbraak process as such, anyone else by role, never an id', () => {
    const names = new Map([['u-1', 'Kees Yilmaz']]);
    expect(actorInWords({ actor: 'u-1', roles: ['wijkcoach'] }, names)).toBe('Kees Yilmaz (wijkcoach)');
    expect(actorInWords({ actor: 'doorbraak-flow', roles: [] }, names)).toBe('het doorbraakproces');
    // A resident's own line (v1.2): said as the resident, never as someone outside the team.
    expect(actorInWords({ actor: 'DigiD_abc', roles: ['resident'] }, names)).toBe('de inwoner zelf, met DigiD');
    const outsider = actorInWords({ actor: 'u-2', roles: ['doorbraakteam'] }, names);
    expect(outsider).toBe('iemand buiten het team (doorbraakteam)');
  });
});
