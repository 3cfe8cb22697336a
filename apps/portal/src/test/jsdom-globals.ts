import { TextDecoder, TextEncoder } from 'node:util';

// jsdom (component tests) has no TextEncoder/TextDecoder; react-router needs them.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
