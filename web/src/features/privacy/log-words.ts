import { t } from '../../lib/texts.ts';

/**
 * A processing-log line in words a team leader reads to a resident (issue 26): the log itself
 * keeps the API's codes (its `resource` is the request's path, its `purpose` the route's purpose
 * code, docs/decisions.md), and the screen says what they mean.
 */

/** The doorbraak's state machine acts under this name (shared/domain/escalation.ts `FLOW_ACTOR`, not importable here). */
const FLOW_ACTOR = 'doorbraak-flow';

/** A path template of `t.privacy.resources` as a pattern of concrete paths: `{id}` is one path segment. */
const patternOf = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
const RESOURCES = Object.entries(t.privacy.resources).map(([template, words]) => ({ pattern: patternOf(template), words }));

/** What was processed, in words ("het plan", "een verslag"); a path the table does not know: "gegevens van het huishouden", never the path. */
export function resourceInWords(resource: string): string {
  const path = resource.split('?')[0] ?? resource;
  return RESOURCES.find((r) => r.pattern.test(path))?.words ?? t.privacy.someResource;
}

/** Why, in words; a purpose code the table does not know is said as "werk aan de zaak", never in the API's English. */
export const purposeInWords = (purpose: string): string => t.privacy.purposes[purpose] ?? t.privacy.somePurpose;

/**
 * Who: a professional by name from the team's roster (or the reader themselves), the doorbraak
 * process as such; someone not on the roster by their roles ("iemand buiten het team
 * (doorbraakteam)"), never a user id.
 */
export function actorInWords(line: { actor: string; roles: readonly string[] }, names: ReadonlyMap<string, string>): string {
  if (line.actor === FLOW_ACTOR) return t.escalations.flowActor;
  if (line.roles.includes('resident')) return t.privacy.resident;
  const roles = line.roles.map((role) => t.roles[role] ?? role).join(', ');
  const name = names.get(line.actor);
  return name ? `${name} (${roles})` : t.privacy.outsider(roles);
}
