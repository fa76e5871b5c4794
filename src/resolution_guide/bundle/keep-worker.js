/* Offline bundle only, loaded before Material's iframe-worker shim: the shim replaces
 * window.Worker on file:// pages (search needs that), but the calculators' runtime
 * (runtime-file.js) wants the browser's own Worker for its blob worker. */
window.RGNativeWorker = window.Worker;
