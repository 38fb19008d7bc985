import { parseArgs } from 'node:util';
import { ROLES } from '#shared/domain/access.ts';
import { localIdp } from './idp.ts';

/**
 * `npm run token -- --sub anna --roles intaker --teams velve-lindenhof [--name "Anna"] [--ttl 3600]`: a professional's ID token;
 * `npm run token -- --partner menzis`: a partner's access token (client credentials, scope signals/write);
 * `npm run token -- --resident 111222333`: a resident's ID token, as after a DigiD sign-in through the city's broker (v1.2).
 */
const { values } = parseArgs({
  options: {
    partner: { type: 'string' },
    resident: { type: 'string' },
    sub: { type: 'string' },
    roles: { type: 'string' },
    teams: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '3600' },
  },
});

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
if (values.partner) {
  const idp = await localIdp();
  console.log(await idp.signPartner(values.partner, { expiresInSeconds: Number(values.ttl) }));
  process.exit(0);
}
if (values.resident) {
  if (!/^\d{9}$/.test(values.resident)) {
    console.error('usage: npm run token -- --resident <bsn of nine digits>');
    process.exit(2);
  }
  const idp = await localIdp();
  console.log(await idp.signResident(values.resident, { expiresInSeconds: Number(values.ttl) }));
  process.exit(0);
}
const roles = list(values.roles);
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (!values.sub || roles.length === 0 || unknown.length > 0) {
  console.error(
    `usage: npm run token -- --sub <id> --roles <role,...> [--teams <team,...>] [--name "<name>"] [--ttl <seconds>]\n   or: npm run token -- --partner <id>\n   or: npm run token -- --resident <bsn>\nroles: ${ROLES.join(', ')}${unknown.length > 0 ? `\nunknown role: ${unknown.join(', ')}` : ''}`,
  );
  process.exit(2);
}
const idp = await localIdp();
console.log(
  await idp.sign(
    { sub: values.sub, roles, teams: list(values.teams), ...(values.name ? { name: values.name } : {}) },
    { expiresInSeconds: Number(values.ttl) },
  ),
);
