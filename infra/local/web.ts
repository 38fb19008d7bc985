import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type CityConfig, cityConfig } from '../cities.ts';
import { themeCss, WEB_DIST, webSecurityHeaders } from '../web-assets.ts';
import type { LocalIdp } from './idp.ts';
import { readJson } from './request-body.ts';

/**
 * The professionals' web client in local mode: its built files at `/` beside the API at `/v1`
 * (same origin), the city's theme, and the demo sign-in, which exists only here: the
 * deployed client signs in with Cognito's managed login.
 */
/** One demo professional per role and team (web.md "sign-in page"), with names a newcomer can tell apart. */
export interface DemoProfessional {
  id: string;
  name: string;
  roles: string[];
  teams: string[];
  teamName: string | null;
}

/**
 * A demo household's adult as the local sign-in offers them (v1.2): their BSN from the test
 * range stands in for the DigiD broker's claim. Filled by the demo city (`npm run demo`).
 */
export interface DemoResident {
  name: string;
  bsn: string;
  teamName: string;
  /** Postcode and house number, so that two of the same name can be told apart. */
  address: string;
}

/** A BSN as the DigiD stand-in takes it: nine digits (the test range's numbers pass the eleven test like any other). */
const BSN = /^\d{9}$/;

const GIVEN = ['Anna', 'Kees', 'Lotte', 'Sanne', 'Ahmed', 'Fatma', 'Bram', 'Noor', 'Daan', 'Eva', 'Youssef', 'Mila', 'Thijs', 'Sara'];
const FAMILY = [
  'de Vries',
  'Bakker',
  'Smit',
  'Mulder',
  'El Amrani',
  'Yilmaz',
  'Visser',
  'Jansen',
  'de Boer',
  'Meijer',
  'Bos',
  'Kok',
  'Peters',
  'Hendriks',
];

export function demoProfessionals(city: CityConfig): DemoProfessional[] {
  const people: DemoProfessional[] = [];
  const person = (roles: string[], teams: string[], teamName: string | null) => {
    const n = people.length;
    // Every given name meets every family name once before any pair comes again: distinct names for up to 196 people.
    const name = `${GIVEN[n % GIVEN.length]} ${FAMILY[(n * 5 + Math.floor(n / GIVEN.length)) % FAMILY.length]}`;
    people.push({ id: `demo-${roles[0]}-${teams[0] ?? 'stad'}`, name, roles, teams, teamName });
  };
  for (const team of city.teams) {
    if (team.kind === 'doorbraakteam') person(['doorbraakteam'], [team.id], team.name);
    else for (const role of ['intaker', 'wijkcoach', 'teamleider']) person([role], [team.id], team.name);
  }
  person(['budgethouder'], [], null);
  person(['beheerder'], [], null);
  return people;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Text compresses well; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/**
 * The encoding CloudFront would answer with in AWS (brotli, else gzip, else none), by the
 * request's Accept-Encoding: a browser here downloads what it downloads there.
 */
function encodingFor(req: IncomingMessage, type: string, size: number): 'br' | 'gzip' | undefined {
  // CloudFront compresses files between 1,000 bytes and 10 MB.
  if (!COMPRESSIBLE.test(type) || size < 1000) return undefined;
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => q?.trim() !== 'q=0')
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

/** Compressed once per content and encoding (every screen's path answers the same index.html; a rebuild gives new contents). */
const compressed = new Map<string, Buffer>();
function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  const cacheKey = `${encoding}:${createHash('sha256').update(body).digest('base64url')}`;
  let done = compressed.get(cacheKey);
  if (!done) {
    done =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 9 });
    compressed.set(cacheKey, done);
  }
  return done;
}

/** Answers a request outside `/v1`: the client's files, its configuration and theme, and the local demo sign-in. */
export function webHandler(options: { city: string; idp: LocalIdp; residents: DemoResident[] }) {
  const city = cityConfig(options.city);
  const people = demoProfessionals(city);
  return async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const send = (res: ServerResponse, status: number, type: string, content: string | Buffer, cache = 'no-cache') => {
      const body = typeof content === 'string' ? Buffer.from(content) : content;
      const encoding = encodingFor(req, type, body.length);
      res.writeHead(status, {
        'content-type': type,
        'cache-control': cache,
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...webSecurityHeaders(),
      });
      res.end(encoding ? compress(body, encoding) : body);
    };
    const method = (req.method ?? 'GET').toUpperCase();
    if (pathname === '/local/resident-sign-in' && method === 'POST') {
      // The DigiD stand-in: any nine digits sign in, as the broker's test environments take a test BSN.
      const body = (await readJson(req)) as { bsn?: unknown } | undefined;
      const bsn = typeof body?.bsn === 'string' ? body.bsn.replace(/\s/g, '') : '';
      if (!BSN.test(bsn)) return send(res, 400, 'application/json', JSON.stringify({ message: 'A BSN is nine digits' }));
      return send(res, 200, 'application/json', JSON.stringify({ token: await options.idp.signResident(bsn) }));
    }
    if (pathname === '/local/sign-in' && method === 'POST') {
      const body = (await readJson(req)) as { id?: unknown } | undefined;
      const who = people.find((p) => p.id === body?.id);
      if (!who) return send(res, 400, 'application/json', JSON.stringify({ message: 'Unknown demo professional' }));
      const token = await options.idp.sign({ sub: who.id, name: who.name, roles: who.roles, teams: who.teams });
      return send(res, 200, 'application/json', JSON.stringify({ token }));
    }
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'application/json', JSON.stringify({ message: 'Method Not Allowed' }));
    if (pathname === '/local/professionals') return send(res, 200, 'application/json', JSON.stringify(people));
    if (pathname === '/local/residents') return send(res, 200, 'application/json', JSON.stringify(options.residents));
    if (pathname === '/config.json')
      return send(
        res,
        200,
        'application/json',
        JSON.stringify({
          city: city.id,
          cityName: city.name,
          interventieteamId: city.teams.find((team) => team.kind === 'interventieteam')?.id,
          signIn: 'local',
        }),
      );
    if (pathname === '/theme.css') return send(res, 200, TYPES['.css'] ?? '', themeCss(city));
    const file = normalize(join(WEB_DIST, decodeURIComponent(pathname)));
    if (file.startsWith(WEB_DIST + sep) && existsSync(file) && statSync(file).isFile()) {
      // Built assets carry a content hash in their name: cached for a year; the rest is revalidated.
      const immutable = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), immutable);
    }
    const index = join(WEB_DIST, 'index.html');
    if (!existsSync(index))
      return send(res, 404, 'text/plain; charset=utf-8', 'The web client is not built: npm run web:build (npm start builds it).');
    // Every other path is a screen of the client: the page that routes it.
    return send(res, 200, TYPES['.html'] ?? '', readFileSync(index));
  };
}
