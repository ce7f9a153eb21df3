// Test support of the container helpers: Docker's multiplexed stream, built by hand.

/** One frame of Docker's multiplexed stream: 1 = stdout, 2 = stderr. */
export const frame = (stream: 1 | 2, text: string): Buffer => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};
