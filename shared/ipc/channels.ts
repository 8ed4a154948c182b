/*
 * Channel names only, with no schema library attached, so the sandboxed preload can bundle
 * them cheaply. contract.ts checks at compile time that it covers exactly these names.
 */

/** Renderer → main calls. */
export const invokeChannelNames = [
  'app:info',
  'app:startupNotices',
  'auth:status',
  'auth:signIn',
  'auth:signOut',
  'auth:testConnection',
  'settings:get',
  'settings:setRequestTimeout',
  'tasks:openTranscript',
  'tasks:cancel',
  'tasks:recent',
  'files:openExport',
  'sample:open',
  'media:resolve',
  'media:refreshLink',
  'media:attach',
  'media:cancelDownload',
  'media:release',
  'media:peaks',
  'drafts:load',
  'drafts:save',
  'drafts:patch',
  'drafts:discard',
  'drafts:showKept',
  'app:setUnsaved',
  'app:setLanguage',
  'tasks:openDocument',
  'tasks:openEither',
  'documents:openFile',
  'documents:resolveFile',
  'files:save',
  'workspaces:list',
  'tasks:list',
  'tasks:lookup',
  'speakers:plan',
  'speakers:workspace',
  'speakers:apply',
  'tasks:markReviewed',
  'settings:getReviewStatus',
  'settings:setReviewStatus',
  'drafts:summaries',
  'reviewState:load',
  'reviewState:save',
  'finish:getSettings',
  'finish:setFormats',
  'finish:chooseFolder',
  'finish:saveFile'
] as const

/** Main → renderer events. */
export const eventChannelNames = ['menu:command', 'auth:changed', 'media:progress'] as const

/** An invoke channel name. */
export type InvokeChannelName = (typeof invokeChannelNames)[number]
/** An event channel name. */
export type EventChannelName = (typeof eventChannelNames)[number]
