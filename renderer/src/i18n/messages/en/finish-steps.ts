/** Finish review's steps: their names and what happened in each (lib/finish-review.ts). */
export const finishSteps = {
  changeSet: 'Change set',
  sendSpeakers: 'Send speakers',
  markReviewed: 'Mark as reviewed',
  saved: 'Saved {name}',
  savedBoth: 'Saved {json} and {csv}',
  retryStep: '{reason} Retry this step.',
  notCompared: 'The speakers could not be compared.',
  retryOrPlan: '{reason} Retry, or use Send speakers… to see the plan.',
  notSent: 'Not sent.',
  retryOrSend: '{reason} Retry, or use Send speakers….',
  someNotSent: 'Some speaker changes did not reach the platform; retry this step or use Send speakers….',
  alreadyThere: 'The platform already has these speakers.',
  changesSent: 'No speaker changes sent. | One speaker change sent. | {n} speaker changes sent.',
  marked: 'Marked “{value}” on the server.',
  notMarked: 'Not marked.',
  notPlatform: 'Not a platform task, or not signed in: speakers not sent, task not marked.',
  filterJson: 'Change set (JSON)',
  filterCsv: 'Change set (CSV)'
}
