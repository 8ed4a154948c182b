/*
 * Every way the app writes or reads a time, in one place, each named for what it is:
 * the clock people read (`formatClock` H:MM:SS), timecode at a frame rate (`formatTimecode`
 * HH:MM:SS:FF) and the timestamps of each subtitle/transcript file format.
 */

export { formatClock, formatClockMs, formatClockTenths, parseClockOrSeconds } from './clock'
export { formatTimecode, parseTimecodeOrMs } from './timecode'
export { formatAssTime, formatHms, formatSbvTime, formatSrtTime, formatVttTime } from './timestamps'
export { maxWritableMs, splitMs } from './split'
