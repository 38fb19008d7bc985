/** An amount in euros as a form field holds it (`1250,50`), as the API takes it; none when the field is empty. */
export const euros = (text: string) => (text.trim() ? { amount: Number(text.replace(',', '.')), currency: 'EUR' as const } : undefined);
