import type { Page } from 'playwright-core';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';

/** What a saved video holds, read in Node with mediabunny's demuxer and by its own bytes. */
export interface VideoFile {
  /** By the first bytes: an ISO BMFF `ftyp` box, or the EBML magic of Matroska/WebM. */
  signature: 'mp4' | 'webm' | 'unknown';
  /** The codec id the container names (`avc1`, `V_VP9`, `V_VP8`), found in its bytes. */
  codecId: string | null;
  format: string;
  codec: string | null;
  width: number;
  height: number;
  /** Seconds, from the packets' timestamps and durations. */
  duration: number;
  packets: { timestamp: number; duration: number; key: boolean; data: Uint8Array }[];
  /** What a WebCodecs VideoDecoder needs to decode the packets (codec string, avcC description). */
  decoderConfig: { codec: string; description?: number[]; codedWidth?: number; codedHeight?: number };
}

function signature(bytes: Uint8Array): VideoFile['signature'] {
  if (String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') return 'mp4';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  return 'unknown';
}

function codecId(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes).toString('latin1');
  return ['avc1', 'V_VP9', 'V_VP8'].find((id) => text.includes(id)) ?? null;
}

export async function readVideo(bytes: Uint8Array): Promise<VideoFile> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const packets: VideoFile['packets'] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) {
    packets.push({
      timestamp: packet.timestamp,
      duration: packet.duration,
      key: packet.type === 'key',
      data: packet.data,
    });
  }
  return {
    signature: signature(bytes),
    codecId: codecId(bytes),
    format: (await input.getFormat()).name,
    codec: await track.getCodec(),
    width: await track.getCodedWidth(),
    height: await track.getCodedHeight(),
    duration: await input.computeDuration(),
    packets,
    decoderConfig: decoderConfig(await track.getDecoderConfig()),
  };
}

function decoderConfig(config: VideoDecoderConfig | null): VideoFile['decoderConfig'] {
  if (!config) throw new Error('no decoder configuration');
  const d = config.description;
  const description = d
    ? [...(ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d))]
    : undefined;
  return {
    codec: config.codec,
    ...(description ? { description } : {}),
    ...(config.codedWidth ? { codedWidth: config.codedWidth, codedHeight: config.codedHeight } : {}),
  };
}

/**
 * Decodes key frames of the file in the page with WebCodecs' VideoDecoder (each key frame stands
 * alone) and hands back each picture shrunk to 192×108 grey levels (0–255), row by row.
 */
export async function decodeKeyFrames(page: Page, file: VideoFile, indices: readonly number[]): Promise<number[][]> {
  const chunks = indices.map((i) => {
    const p = file.packets[i]!;
    if (!p.key) throw new Error(`packet ${i} is not a key frame`);
    return { timestamp: Math.round(p.timestamp * 1e6), data: [...p.data] };
  });
  return page.evaluate(
    async ({ config, chunks }) => {
      const out: number[][] = [];
      for (const chunk of chunks) {
        const frame = await new Promise<VideoFrame>((resolve, reject) => {
          const decoder = new VideoDecoder({ output: resolve, error: reject });
          const { description, ...rest } = config;
          decoder.configure({ ...rest, ...(description ? { description: new Uint8Array(description) } : {}) });
          decoder.decode(
            new EncodedVideoChunk({ type: 'key', timestamp: chunk.timestamp, data: new Uint8Array(chunk.data) }),
          );
          decoder.flush().then(() => decoder.close(), reject);
        });
        const canvas = new OffscreenCanvas(192, 108);
        const context = canvas.getContext('2d')!;
        context.drawImage(frame, 0, 0, 192, 108);
        frame.close();
        const rgba = context.getImageData(0, 0, 192, 108).data;
        const grey: number[] = [];
        for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i]! + rgba[i + 1]! + rgba[i + 2]!) / 3));
        out.push(grey);
      }
      return out;
    },
    { config: file.decoderConfig, chunks },
  );
}
