/** Where the terminal keeps its device token (tests put one here before the page loads). */
export const DEVICE_TOKEN_KEY = 'qms.rating-terminal.token';
