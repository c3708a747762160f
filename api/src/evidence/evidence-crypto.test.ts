import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDecryptStream, createEncryptStream, encryptedSize, evidenceContext, type EvidenceSealing } from './evidence-crypto.ts';

const TENANT = '0f8fad5b-d9cb-469f-a165-70867728950e';
const sealing = (evidenceId = '7c9e6679-7425-40de-944b-e07fc1f90ae7', key = Buffer.alloc(32, 7)): EvidenceSealing => ({
  key,
  context: evidenceContext(TENANT, evidenceId),
});

async function run(stream: NodeJS.ReadWriteStream, input: Buffer, chunkSize = 1000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const source = Readable.from(
    (function* () {
      for (let offset = 0; offset < input.length; offset += chunkSize) yield input.subarray(offset, offset + chunkSize);
    })(),
  );
  for await (const chunk of source.pipe(stream as unknown as NodeJS.WritableStream & AsyncIterable<Buffer>)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('evidence encryption at rest', () => {
  it.each([1, 1000, 64 * 1024, 64 * 1024 + 1, 300_000])('round-trips %i bytes, whatever the chunking, at the size it announces', async (size) => {
    const plain = randomBytes(size);
    const sealed = await run(createEncryptStream(sealing()), plain, 777);
    expect(sealed.length).toBe(encryptedSize(size));
    // No run of the plaintext shows in the file. A 1-byte file's byte appears in ~1 ciphertext of
    // 256 by chance (the flake CI met): only runs of 16 bytes or more tell encryption from luck.
    if (size >= 16) expect(sealed.includes(plain.subarray(0, Math.min(size, 64)))).toBe(false);
    expect((await run(createDecryptStream(sealing()), sealed, 5000)).equals(plain)).toBe(true);
  });

  it('does not open for another record (a swapped file), another key, a flipped bit, or a cut', async () => {
    const plain = randomBytes(200_000);
    const sealed = await run(createEncryptStream(sealing()), plain);
    await expect(run(createDecryptStream(sealing('9b2d5c3a-1111-4222-8333-944455556666')), sealed)).rejects.toThrow(/does not decrypt/);
    await expect(run(createDecryptStream(sealing(undefined, Buffer.alloc(32, 8))), sealed)).rejects.toThrow(/does not decrypt/);
    const flipped = Buffer.from(sealed);
    flipped.writeUInt8(flipped.readUInt8(100_000) ^ 1, 100_000);
    await expect(run(createDecryptStream(sealing()), flipped)).rejects.toThrow(/does not decrypt/);
    // Cut at a segment boundary: the last whole segment was not sealed as the last one.
    const cut = sealed.subarray(0, 40 + 2 * (64 * 1024 + 16));
    await expect(run(createDecryptStream(sealing()), cut)).rejects.toThrow(/does not decrypt/);
    await expect(run(createDecryptStream(sealing()), plain)).rejects.toThrow(/not an encrypted evidence file/);
  });
});
