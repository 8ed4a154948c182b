/** The cue view on the waveform: cues as regions, their edges dragged, QC breach marks. */
export const cueWave = {
  lane: 'QC breaches in the recording',
  mark: 'Cue {n}: {what}',
  marks: 'Cue {n} and {more} more nearby: {what}',
  refusedLocked: 'This cue is locked at its times: unlock it to move its edges.',
  refusedNoRoom: 'There is no room to move this edge: the next cue or the minimum gap is in the way.',
  refusedNoCue: 'That cue has no words to anchor the change to.',
  refusedChanged: 'The cues changed while you dragged: try again.',
  clampedNeighbour: 'The edge stopped at {time}: the neighbouring cue and the minimum gap leave no more room.',
  clampedSelf: 'The edge stopped at {time}: a cue lasts at least one frame.',
  clampedNudge: 'The edge stopped at {time}: an edge moves at most {limit} s from where the words put it.'
}
