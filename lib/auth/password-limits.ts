// Pure and dependency-free, so that the browser's form can show the limits without the dictionaries.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
