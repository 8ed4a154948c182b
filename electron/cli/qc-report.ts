import { AppError, toErrorData } from '../../shared/errors'
import type { TaskRef } from '../../shared/api/endpoints'
import { describeBreach, qcReport, PresetError } from '../../shared/subtitles'
import { formatSrtTime } from '../../shared/time'
import type { QcReport, SubtitlePreset } from '../../shared/subtitles'
import { exportRefusal, normaliseTranscript } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import type { Command } from './args'
import { exitCodeFor, exitCodes } from './exit-codes'
import { readInputFile } from './input-file'
import { errorLine, refLabel, retryNotice } from './io'
import type { CliIo } from './io'
import { createCliServices } from './services'

/*
 * `sdte qc`: cut the cues exactly as `sdte export` would and report every rule they break.
 * Exit 0 even when there are breaches: the report is the result; failures to get there keep
 * their usual exit codes.
 */

type QcCommand = Extract<Command, { command: 'qc' }>

/** Runs `sdte qc` and prints the report (human-readable, or JSON with --json). */
export async function runQcReport(command: QcCommand, io: CliIo): Promise<number> {
  try {
    const model = await loadModel(command, io)
    // QC judges what export would write; with nothing to write there is nothing to judge.
    const refusal = exportRefusal(model)
    if (refusal !== null) throw new AppError('invalid_response', refusal)
    let report: QcReport
    try {
      report = qcReport(model, command.subtitles)
    } catch (error) {
      if (error instanceof PresetError) {
        io.stderr.write(errorLine(error.message))
        return exitCodes.usage
      }
      throw error
    }
    io.stdout.write(command.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, model))
    return exitCodes.ok
  } catch (error) {
    const data = toErrorData(error)
    io.stderr.write(errorLine(data.message))
    return exitCodeFor(data.code)
  }
}

async function loadModel(command: QcCommand, io: CliIo): Promise<TranscriptModel> {
  if (command.source.type === 'input') {
    const input = await readInputFile(command.source.path, command.kind, io.cwd)
    if (input.kind !== 'transcript') throw new AppError('bad_request', 'sdte qc checks subtitles of a transcript task, not a document')
    return input.model ?? normaliseTranscript(input.data)
  }
  if (command.kind === 'document') throw new AppError('bad_request', 'sdte qc checks subtitles of a transcript task, not a document')
  const services = createCliServices(command, io)
  const ref: TaskRef = command.source.type === 'task' ? { taskId: command.source.taskId } : { externalId: command.source.externalId }
  return normaliseTranscript(await services.api.getTranscriptExport(ref, { signal: io.signal, onRetry: retryNotice(io, refLabel(ref)) }))
}

function formatReport(report: QcReport, model: TranscriptModel): string {
  const s = report.summary
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
  const lines = [
    `QC of ${model.source.displayName ?? `task ${model.taskId}`} against ${report.preset}`,
    `${s.cues} cues; ${s.hard} hard and ${s.soft} soft breaches; ${s.cuesWithSoft} cues (${pct(s.softBreachShare)}) break a soft rule`,
    `Limits: ${settingsLine(report.settings)}`,
    ''
  ]
  for (const breach of report.breaches) {
    lines.push(describeBreach(breach, formatSrtTime))
  }
  if (report.breaches.length === 0) lines.push('No breaches.')
  return lines.join('\n') + '\n'
}

/** The numbers a report judged against, on one line (overrides included). */
function settingsLine(p: SubtitlePreset): string {
  const s = (ms: number): string => `${ms / 1000} s`
  const wpm = p.maxWordsPerMinute === null ? '' : `, ${p.maxWordsPerMinute} words/min`
  return `${p.maxCharsPerLine} chars × ${p.maxLines} lines, ${p.maxCharsPerSecond} chars/s${wpm}, ${s(p.minDurationMs)} to ${s(p.maxDurationMs)}, ${p.minGapFrames}-frame gap at ${p.frameRate} fps`
}
