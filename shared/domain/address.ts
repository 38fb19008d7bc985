export interface Address {
  postcode: string;
  houseNumber: string;
  houseNumberAddition?: string;
}

const DUTCH_POSTCODE = /^[1-9]\d{3} ?[A-Za-z]{2}$/;

/** A Dutch house number: 1 to 99999, no leading zero (the API's schema and every form check it alike). */
export const HOUSE_NUMBER = /^[1-9]\d{0,4}$/;

/** Dutch postcodes are four digits (no leading zero) and two letters; SA, SD and SS are never issued. */
export function isDutchPostcode(postcode: string): boolean {
  if (!DUTCH_POSTCODE.test(postcode)) return false;
  const letters = postcode.slice(-2).toUpperCase();
  return letters !== 'SA' && letters !== 'SD' && letters !== 'SS';
}

/** What an address's keyed-hash look-up is made of (the address normalized): the same for an intake, a correction and a search. */
export const addressLookupValue = (address: Address): string =>
  JSON.stringify([address.postcode, address.houseNumber, address.houseNumberAddition ?? '']);

/** The form in which an address is stored and compared: `1234AB`, upper case, trimmed. */
export function normalizeAddress(address: Address): Address {
  const postcode = address.postcode.replace(/\s/g, '').toUpperCase();
  const houseNumber = address.houseNumber.trim();
  const addition = address.houseNumberAddition?.trim().toUpperCase();
  return addition ? { postcode, houseNumber, houseNumberAddition: addition } : { postcode, houseNumber };
}
