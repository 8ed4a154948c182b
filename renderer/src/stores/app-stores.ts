import type { Pinia } from 'pinia'
import { useEditorStore } from './editor-store'
import { usePlaybackStore } from './playback-store'
import { useReviewPrefsStore } from './review-prefs-store'
import { useCoverageStore } from './coverage-store'
import { useLanguageStore } from './language-store'
import { useReviewQueuePrefsStore } from './review-queue-prefs-store'
import { useReviewQueueStore } from './review-queue-store'
import { useTranscriptFilterStore } from './transcript-filter-store'
import { useWorkspaceSpeakersStore } from './workspace-speakers-store'
import { useCueViewStore } from './cue-view-store'

/*
 * A store's watchers live as long as the app, and Vue ties a watcher to the component whose
 * setup was running when it was made (its scheduler job keeps `instance`). A store first used in
 * a transcript row's setup would keep that row, and through its parents the whole editor of the
 * first task opened, with its export and model (+4 MB on the 2-hour task, issue 19). So the
 * stores that watch are made here, before any component exists.
 */

/** Creates the stores that own watchers outside any component (call once, before mounting). */
export function createAppStores(pinia: Pinia): void {
  usePlaybackStore(pinia)
  useReviewPrefsStore(pinia)
  useEditorStore(pinia)
  useLanguageStore(pinia)
  useCoverageStore(pinia)
  useTranscriptFilterStore(pinia)
  useReviewQueuePrefsStore(pinia)
  useReviewQueueStore(pinia)
  useWorkspaceSpeakersStore(pinia)
  useCueViewStore(pinia)
}
