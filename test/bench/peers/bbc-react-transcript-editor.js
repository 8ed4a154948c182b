// Bundle entry for @bbc/react-transcript-editor (dev-only benchmark peer; see ../peers.ts).
import React from 'react'
import ReactDOM from 'react-dom'
// The package is a webpack CommonJS bundle without __esModule, so take the named export.
import { TranscriptEditor } from '@bbc/react-transcript-editor'

/** Hands DPE transcript data to the editor (the moment data-to-interactive starts). */
export function mount(data, mediaUrl, root) {
  ReactDOM.render(
    <TranscriptEditor transcriptData={data} mediaUrl={mediaUrl} sttJsonType="digitalpaperedit" isEditable={true} spellCheck={false} mediaType="audio" title="Senate hearing (2 h)" />,
    root
  )
}
