// Bundle entry for slate-transcript-editor (dev-only benchmark peer; see ../peers.ts).
// Its README asks the host app for Bootstrap's CSS, so the peer lays out as its authors intended.
import 'bootstrap-css-only/css/bootstrap.min.css'
import React from 'react'
import ReactDOM from 'react-dom'
import SlateTranscriptEditor from 'slate-transcript-editor'

/** Hands DPE transcript data to the editor (the moment data-to-interactive starts). */
export function mount(data, mediaUrl, root) {
  ReactDOM.render(<SlateTranscriptEditor transcriptData={data} mediaUrl={mediaUrl} mediaType="audio" title="Senate hearing (2 h)" showTitle={false} />, root)
}
