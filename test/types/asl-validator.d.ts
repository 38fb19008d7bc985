declare module 'asl-validator' {
  /** asl-validator 4 ships JavaScript only. */
  export default function validator(definition: unknown): {
    isValid: boolean;
    errors: unknown[];
    errorsText: (separator?: string) => string;
  };
}
