import {
  BufferTarget,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  canEncodeVideo,
  type VideoCodec,
} from 'mediabunny';
import { drawSvg } from './png';
import { VIDEO_HEIGHT, VIDEO_WIDTH } from './video-frames';

/**
 * The playback video's encoder (docs/exports.md): WebCodecs' VideoEncoder through mediabunny's
 * muxer, loaded on demand (its own chunk). MP4 with H.264 where the browser encodes it, else
 * WebM with VP9 or VP8 (Debian's Chromium, for one, may build without an H.264 encoder).
 */

/** Frames a second: each year is shown one second, i.e. this many identical frames. */
export const VIDEO_FPS = 10;

export interface VideoFormat {
  codec: Extract<VideoCodec, 'avc' | 'vp9' | 'vp8'>;
  container: 'mp4' | 'webm';
  mimeType: string;
}

const CHOICES: readonly VideoFormat[] = [
  { codec: 'avc', container: 'mp4', mimeType: 'video/mp4' },
  { codec: 'vp9', container: 'webm', mimeType: 'video/webm' },
  { codec: 'vp8', container: 'webm', mimeType: 'video/webm' },
];

/** Whether this browser has WebCodecs' encoder at all (not in insecure pages, older Safari or Firefox). */
export function hasWebCodecs(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

/**
 * The first format the browser says it encodes at 1920×1080 (VideoEncoder.isConfigSupported,
 * asked through mediabunny's canEncodeVideo), or null. `prefer` puts one codec first (tests).
 */
export async function chooseFormat(prefer?: VideoFormat['codec']): Promise<VideoFormat | null> {
  const order = prefer ? [...CHOICES].sort((a, b) => Number(b.codec === prefer) - Number(a.codec === prefer)) : CHOICES;
  for (const format of order) {
    const ok = await canEncodeVideo(format.codec, {
      width: VIDEO_WIDTH,
      height: VIDEO_HEIGHT,
      quality: QUALITY_HIGH,
      frameRate: VIDEO_FPS,
    }).catch(() => false);
    if (ok) return format;
  }
  return null;
}

export interface EncodeOptions {
  format: VideoFormat;
  /** Each year's picture, in order: one second each. */
  frames: readonly string[];
  /** Called after each year with the share done (0–1). */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/**
 * Encodes one second of each frame (VIDEO_FPS identical frames, the first of each year a key
 * frame) into one file. Cancelled through `signal`: the output is dropped and the call rejects.
 */
export async function encodeVideo({ format, frames, onProgress, signal }: EncodeOptions): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = VIDEO_WIDTH;
  canvas.height = VIDEO_HEIGHT;
  const target = new BufferTarget();
  const output = new Output({
    format: format.container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target,
  });
  const source = new CanvasSource(canvas, { codec: format.codec, quality: QUALITY_HIGH, keyFrameInterval: 1 });
  output.addVideoTrack(source, { frameRate: VIDEO_FPS });
  try {
    await output.start();
    for (const [year, svg] of frames.entries()) {
      signal?.throwIfAborted();
      await drawSvg(canvas, svg);
      for (let i = 0; i < VIDEO_FPS; i++) {
        signal?.throwIfAborted();
        const n = year * VIDEO_FPS + i;
        await source.add(n / VIDEO_FPS, 1 / VIDEO_FPS, i === 0 ? { keyFrame: true } : undefined);
      }
      onProgress?.((year + 1) / frames.length);
    }
    source.close();
    await output.finalize();
  } catch (error) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel();
    throw error;
  }
  if (!target.buffer) throw new Error('the video was not written');
  return new Blob([target.buffer], { type: format.mimeType });
}
