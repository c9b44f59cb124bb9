import { notImplemented } from './not-yet.js';

export const postEncryptConfig = notImplemented;
