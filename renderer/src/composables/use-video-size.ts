import { computed } from 'vue'
import { useResizeHandle } from './use-resize-handle'

/** Video frames are shown at 16:9 (others are letterboxed inside, object-fit: contain). */
const videoAspect = 16 / 9

/**
 * The video player's size: its corner handle, by pointer or keyboard, remembered across runs.
 * (Out of WaveformStrip.vue to keep that component under the size limit.)
 */
export function useVideoSize() {
  const videoSize = useResizeHandle({
    min: 120,
    // At most 60% of the window's width and half its height, as the old CSS resize allowed.
    max: () => Math.round(Math.min(window.innerWidth * 0.6, window.innerHeight * 0.5 * videoAspect)),
    initial: 224,
    step: 16,
    largeStep: 64,
    storageKey: 'sdte.layout.videoWidth',
    increaseKeys: ['ArrowRight', 'ArrowUp'],
    // The handle is the bottom-right corner: right or down grows the player, whichever moved more.
    fromPointer: (e, start) => {
      const dx = e.clientX - start.x
      const dy = (e.clientY - start.y) * videoAspect
      return start.value + (Math.abs(dx) >= Math.abs(dy) ? dx : dy)
    }
  })
  const videoWidth = videoSize.value
  const videoHeight = computed(() => Math.round(videoWidth.value / videoAspect))
  return { videoSize, videoWidth, videoHeight }
}
