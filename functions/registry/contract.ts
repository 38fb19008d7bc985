import * as z from 'zod/mini';
import { CASE_WORKERS, DOSSIER_READERS } from '#shared/domain/access.ts';
import { LEGAL_RELATION_KINDS, MEMBER_ROLES } from '#shared/domain/household.ts';
import { INVOLVED_KINDS } from '#shared/domain/involved.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { Bsn, DateNotInFuture, HouseholdParams, HouseNumber, HouseNumberAddition, Id, ListQuery, Postcode } from '../http/schemas.ts';

const writeErrors = ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'] as const;

export const searchRoute = defineRoute({
  operationId: 'searchHouseholds',
  method: 'GET',
  path: '/households/search',
  fn: 'registry',
  summary: 'Find a household within reach by BSN, by address, or by the start of a name',
  tag: 'Households',
  auth: 'jwt',
  roles: DOSSIER_READERS,
  purpose: 'search',
  processingActivity: 'search',
  query: z.object({
    bsn: z.optional(Bsn),
    postcode: z.optional(Postcode),
    houseNumber: z.optional(HouseNumber),
    houseNumberAddition: z.optional(HouseNumberAddition),
    name: z
      .optional(z.string().check(z.trim(), z.minLength(2, 'must be at least 2 characters'), z.maxLength(100)))
      .register(z.globalRegistry, {
        description: "Matches the start of any word of a member's name, case- and accent-insensitive (`jans` finds Jan Jansen).",
      }),
    ...ListQuery,
  }),
  success: { status: 200, description: 'The households found that are within your reach.' },
  errors: ['invalid_input', 'forbidden'],
});

export const AddressChange = z
  .strictObject({ postcode: Postcode, houseNumber: HouseNumber, houseNumberAddition: z.optional(HouseNumberAddition) })
  .register(z.globalRegistry, { id: 'AddressChange', description: "The household's address as it is now." });

export const changeAddressRoute = defineRoute({
  operationId: 'changeHouseholdAddress',
  method: 'PUT',
  path: '/households/{id}/address',
  fn: 'registry',
  summary: "Correct the household's address (its look-up moves with it)",
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'keeping household data right',
  processingActivity: 'household-records',
  params: HouseholdParams,
  body: AddressChange,
  success: { status: 200, description: 'The dossier, with the new address.' },
  errors: [...writeErrors],
});

const LegalRelationInput = z.strictObject({
  kind: z.enum(LEGAL_RELATION_KINDS),
  holderName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  holderOrganisation: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  since: DateNotInFuture,
});

export const MemberInput = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    birthDate: DateNotInFuture,
    bsn: z.optional(z.nullable(Bsn)).register(z.globalRegistry, {
      description: 'Sets the BSN; null takes it off; left out keeps it (a client only ever sees it masked).',
    }),
    role: z.enum(MEMBER_ROLES),
    legalRelations: z
      .optional(z.array(LegalRelationInput).check(z.maxLength(10)))
      .register(z.globalRegistry, { description: "The member's legal representatives; left out: none." }),
  })
  .register(z.globalRegistry, {
    id: 'MemberInput',
    description: 'A member of the household: name, birth date, optional BSN, role and legal relations.',
  });

const MemberParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  memberId: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const addMemberRoute = defineRoute({
  operationId: 'addHouseholdMember',
  method: 'POST',
  path: '/households/{id}/members',
  fn: 'registry',
  summary: 'Add a member to the household (a newborn, someone who moved in)',
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'keeping household data right',
  processingActivity: 'household-records',
  params: HouseholdParams,
  body: MemberInput,
  success: {
    status: 201,
    description: 'The member, BSN masked.',
    headers: { Location: "The household's dossier." },
  },
  errors: [...writeErrors],
});

export const changeMemberRoute = defineRoute({
  operationId: 'changeHouseholdMember',
  method: 'PUT',
  path: '/households/{id}/members/{memberId}',
  fn: 'registry',
  summary: "Correct a member's name, birth date, BSN, role or legal relations",
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'keeping household data right',
  processingActivity: 'household-records',
  params: MemberParams,
  body: MemberInput,
  success: { status: 200, description: 'The member as corrected, BSN masked.' },
  errors: [...writeErrors],
});

export const removeMemberRoute = defineRoute({
  operationId: 'removeHouseholdMember',
  method: 'DELETE',
  path: '/households/{id}/members/{memberId}',
  fn: 'registry',
  summary: 'Record that a member moved out (the household keeps at least one member)',
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'keeping household data right',
  processingActivity: 'household-records',
  params: MemberParams,
  body: z
    .strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) })
    .register(z.globalRegistry, { id: 'MemberRemoval', description: 'Why the member left.' }),
  success: { status: 200, description: 'The former member, as the dossier now lists them.' },
  errors: [...writeErrors],
});

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const InvolvedInput = z
  .strictObject({
    kind: z.enum(INVOLVED_KINDS),
    name: Text(200),
    organisation: z.optional(Text(200)).register(z.globalRegistry, { description: 'Required for a professional.' }),
    role: z.optional(Text(200)),
    phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number'))),
    email: z.optional(z.email().check(z.maxLength(254))),
    about: z
      .optional(z.array(Id).check(z.maxLength(40)))
      .register(z.globalRegistry, { description: 'The members it is involved with; left out: the household as a whole.' }),
    domains: z.optional(z.array(z.enum(LIFE_DOMAINS)).check(z.maxLength(LIFE_DOMAINS.length))),
    since: z.optional(DateNotInFuture),
  })
  .register(z.globalRegistry, {
    id: 'InvolvedInput',
    description: 'An involved party: a professional of another organisation, or someone of the household’s own circle.',
  });

const InvolvedParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  involvedId: z.string().check(z.minLength(1), z.maxLength(100)),
});
const network = {
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'the network around the household',
  processingActivity: 'involved-parties',
} as const;

export const addInvolvedRoute = defineRoute({
  operationId: 'addInvolvedParty',
  method: 'POST',
  path: '/households/{id}/involved',
  fn: 'registry',
  summary: 'Record who else is involved with the household (v1.2)',
  ...network,
  params: HouseholdParams,
  body: InvolvedInput,
  success: { status: 201, description: 'The involved party.', headers: { Location: "The household's dossier." } },
  errors: [...writeErrors],
});

export const changeInvolvedRoute = defineRoute({
  operationId: 'changeInvolvedParty',
  method: 'PUT',
  path: '/households/{id}/involved/{involvedId}',
  fn: 'registry',
  summary: 'Correct an involved party (an ended one is not changed: 409)',
  ...network,
  params: InvolvedParams,
  body: InvolvedInput,
  success: { status: 200, description: 'The involved party as corrected.' },
  errors: [...writeErrors],
});

export const endInvolvedRoute = defineRoute({
  operationId: 'endInvolvedParty',
  method: 'POST',
  path: '/households/{id}/involved/{involvedId}/end',
  fn: 'registry',
  summary: 'End an involved party’s involvement (it is kept under formerInvolved)',
  ...network,
  params: InvolvedParams,
  body: z
    .strictObject({ reason: Text(2000), until: z.optional(DateNotInFuture) })
    .register(z.globalRegistry, { id: 'InvolvedEnd', description: 'Why the involvement ended, and since when (left out: today).' }),
  success: { status: 200, description: 'The former involved party.' },
  errors: [...writeErrors],
});

export const registryRoutes = [
  searchRoute,
  changeAddressRoute,
  addMemberRoute,
  changeMemberRoute,
  removeMemberRoute,
  addInvolvedRoute,
  changeInvolvedRoute,
  endInvolvedRoute,
];
