// The browser build of qrcode (what vite bundles for 'qrcode'), typed for what the apps
// uses: @types/qrcode also describes the Node API (files, streams) and would bring all of
// Node's types into an app that must see only the DOM's.
declare module 'qrcode/lib/browser' {
  export function toString(text: string, options: { type: 'svg'; margin?: number; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): Promise<string>;
}
