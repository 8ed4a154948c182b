import type { ApiWord, TranscriptExport } from '../../../shared/api/transcript-export'

/*
 * A small export whose recogniser words are known by heart, for change sets computed by hand:
 *   A (0–3 s):  "The cat sat on the mat."
 *   B (4–6 s):  "Hello world again"
 */

/** Speaker ids of the small export. */
export const spkA = 'spk-a'
/** Speaker ids of the small export. */
export const spkB = 'spk-b'

function words(spec: string): ApiWord[] {
  return spec.split(' ').map((item) => {
    const [text, times] = item.split('@')
    const [start, end] = times.split('-').map(Number)
    return { text, offsetInSeconds: start, durationInSeconds: Math.round((end - start) * 1000) / 1000, confidence: 0.9 }
  })
}

/** The small export: two speakers, two segments, one annotation. */
export function smallExport(taskId = 501): TranscriptExport {
  const a = words('The@0-0.4 cat@0.5-0.9 sat@1-1.4 on@1.5-1.9 the@2-2.4 mat.@2.5-2.9')
  const b = words('Hello@4-4.5 world@4.6-5.1 again@5.2-5.8')
  return {
    taskId,
    originalFileUrl: null,
    workspaceId: 3,
    batchId: null,
    taskNumber: 1,
    displayName: 'small',
    description: null,
    totalTimeInSeconds: 10,
    lastCheckoutByUserName: null,
    lastCheckedOutBy: null,
    lastCheckedOutUntil: null,
    lastIntegratedBy: null,
    lastIntegratedByUserName: null,
    lastIntegratedOn: null,
    transcript: {
      transcripts: [
        { speakerId: spkA, start: 0, end: 3, duration: 3, confidence: 0.9, displayText: 'The cat sat on the mat.', displayWords: a, originalWords: a },
        { speakerId: spkB, start: 4, end: 6, duration: 2, confidence: 0.9, displayText: 'Hello world again', displayWords: b, originalWords: b }
      ],
      speakers: [
        { speakerId: spkA, speakerName: 'Ann', speakerPrefix: '', speakerSuffix: '' },
        { speakerId: spkB, speakerName: 'Bob', speakerPrefix: 'Dr.', speakerSuffix: '' }
      ],
      annotations: [
        {
          uniqueId: 'note-1', content: 'check', start: 1, end: 2,
          createdByUserName: 'x', createdBy: 1, createdOn: '2026-01-01T00:00:00Z', modifiedByUserName: 'x', modifiedBy: 1, modifiedOn: '2026-01-01T00:00:00Z'
        }
      ]
    },
    metadata: {}
  } as TranscriptExport
}
