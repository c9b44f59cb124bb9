import { notImplemented } from './not-yet.js';

export const getAllLogNames = notImplemented;
export const getLogs = notImplemented;
export const getLocalLogs = notImplemented;
