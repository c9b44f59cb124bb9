import { notImplemented } from './not-yet.js';

export const getClusterOverview = notImplemented;
export const getSystemMonitoringInformation = notImplemented;
export const getThreadDump = notImplemented;
export const getRunningThreads = notImplemented;
export const postUpdateTags = notImplemented;
