/** What the editor says in its notice bar (lib/editor-messages.ts) and what was repaired on load (lib/repair-summary.ts). */
export const editorMessages = {
  unreadableTranscript: 'The transcript could not be read: {why}',
  unreadableDraft: 'The draft could not be read: {why}',
  draftGone: 'The draft is no longer there or cannot be read; the export is open instead.',
  draftNotDeleted: 'The draft could not be deleted: {why}',
  keptDraftNotShown: 'The kept draft could not be shown: {why}',
  readOnly: 'Choose “Restore draft” or “Discard” above first: the transcript is read-only until you do.',
  noSpeaker: 'There is no speaker {n}.',
  noSegmentToDelete: 'There is no segment to delete.',
  cursorOnSegmentToDelete: 'Put the cursor on the segment to delete first.',
  noNextToMerge: 'There is no next segment to merge with.',
  noPreviousToMerge: 'There is no previous segment to merge with.',
  segmentDeletedKey: 'Segment deleted — {key} to undo',
  segmentDeleted: 'Segment deleted — Undo brings it back',
  split: 'Split',
  deleteSegment: 'Delete segment',
  noGapAfterPlayheadSegment: 'The playhead is inside the segment at {time} and there is no gap after it for a new segment. Select a range on the waveform, or cut the segment in two with {split}.',
  noRoomAtPlayhead: 'There is no room for a new segment at the playhead; move the playhead to a gap.',
  movedPastPlayheadSegment: 'The playhead was inside the segment at {inside}, so the new segment starts where it ends ({start}). To cut a segment in two, use {split}.',
  emptySelection: 'The selected range is empty; drag out a range on the waveform first.',
  selectionCoversSegment: 'The selection covers the whole segment at {time}. To replace it, delete it first with {delete}, or select a shorter range.',
  selectionOverlapsWords: 'The selection overlaps the words of another segment. Select a range in a gap between words (a neighbour is trimmed back to its words), or cut that segment in two with {split}.',
  noMoreLowConfidenceAfter: 'No more low-confidence words after this one.',
  noLowConfidenceBefore: 'No low-confidence words before this one.',
  newSpeakerName: 'Speaker 1',
  repairs: {
    summary: 'Fixed automatically when the task opened: {parts}. Your text is unchanged, and the export stays as it came until you edit.',
    goneSegment: '{text} (That segment is no longer in the transcript.)',
    where: 'Segment {n} · {time}',
    count: {
      'segments-unsorted': 'the segments put back in time order | the segments put back in time order',
      'segment-overlap': '1 segment that overlapped the one before | {n} segments that overlapped the one before',
      'words-mismatch': '1 segment whose word timings did not match its text | {n} segments whose word timings did not match their text',
      'words-missing': '1 segment with no word timings (estimated) | {n} segments with no word timings (estimated)',
      'word-time-missing': '1 segment with some word timings missing (estimated) | {n} segments with some word timings missing (estimated)',
      'word-outside-segment': '1 segment stretched to hold its words | {n} segments stretched to hold their words',
      'segment-time-missing': '1 segment with no start or end time (placed) | {n} segments with no start or end time (placed)',
      'unknown-speaker': '1 speaker missing from the speaker list | {n} speakers missing from the speaker list',
      'annotation-time-missing': '1 annotation with no time (placed) | {n} annotations with no time (placed)',
      'time-out-of-range': 'times outside the recording moved to its edge | times outside the recording moved to its edge',
      'annotation-clamped': '1 annotation moved inside the recording | {n} annotations moved inside the recording'
    },
    item: {
      'segments-unsorted': 'The segments were out of time order; they are shown in time order.',
      'segment-overlap': 'Overlapped the segment before it; the boundary between them was moved.',
      'words-mismatch': 'Its word timings did not match its text; the text was kept and the timings lined up with it.',
      'words-missing': 'Had no word timings; each word’s time is estimated.',
      'word-time-missing': 'Some words had no timing; their times are estimated from the words around them.',
      'word-outside-segment': 'Its words ran past its start or end; the segment was stretched to hold them.',
      'segment-time-missing': 'Had no start or end time; it was placed by its words or the segments around it.',
      'unknown-speaker': 'Its speaker is not in the task’s speaker list; it is shown as an unknown speaker you can rename.',
      'time-out-of-range': 'Some of its times lay outside the recording; they were moved to its edge.'
    },
    annotationPlacedAtTime: 'Annotation {n} has no start or end time; it was placed at the time it has.',
    annotationPlacedAtStart: 'Annotation {n} has no start or end time; it was placed at the start of the recording.',
    annotationClamped: 'Annotation {n} lay outside the recording (or ended before it started) and was moved inside it.'
  },
  opening: {
    'no-transcript': 'This task has no transcript yet. You can listen to the recording and add segments, speakers and annotations.',
    'transcript-flat': 'The transcript came as a bare list of segments, with no speaker list or annotations; the segments were read as the transcript.',
    'speaker-without-id': 'One speaker entry has no speakerId; no segment can refer to it, and it is kept as it was in the JSON export. | {n} speaker entries have no speakerId; no segment can refer to it, and it is kept as it was in the JSON export.'
  }
}
